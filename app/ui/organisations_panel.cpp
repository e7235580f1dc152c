#include "ui/organisations_panel.h"

#include "core/org/tax_id.h"
#include "core/vault/session.h"
#include "ui/widgets.h"

#include "imgui.h"

namespace ts::ui {

void OrganisationsPanel::Wipe() {
    editingId.clear();
    name.clear();
    taxId.clear();
    country = "RU";
    errors.clear();
}

void OrganisationsPanel::Open(const std::string& id, UiContext& ui) {
    Wipe();
    editingId = id;
    if (const vault::Organisation* o = ui.services.session.data().organisation(id)) {
        name = o->name;
        country = o->country;
        taxId = o->taxId;
    }
}

void OrganisationsPanel::Draw(UiContext& ui) {
    const vault::Data& data = ui.services.session.data();
    if (Button(ui, Str::OrgNew, "org-new")) Open(vault::newEntryId(), ui);
    if (data.organisations.empty()) TextMuted(ui, ui.t(Str::OrgsEmpty));
    for (const vault::Organisation& o : data.organisations) {
        const std::string label =
            o.name + "  ·  " + (o.country == "BY" ? "УНП " : "ИНН ") + o.taxId + "###org-" + o.id;
        if (ImGui::Selectable(label.c_str(), editingId == o.id)) Open(o.id, ui);
    }
    if (!editingId.empty()) {
        ImGui::Spacing();
        ImGui::Separator();
        DrawForm(ui);
    }
}

void OrganisationsPanel::DrawForm(UiContext& ui) {
    vault::Session& session = ui.services.session;
    const float w = std::min(ImGui::GetContentRegionAvail().x, Px(520.0f));
    if (TextField(ui, Str::OrgName, "org-name", name, w) || errors.count("name")) {
        if (name.empty())
            errors["name"] = Str::ErrOrgName;
        else
            errors.erase("name");
    }
    if (errors.count("name")) ErrorText(ui, errors["name"]);
    Text(ui, ui.t(Str::OrgCountry));
    if (Choice(ui, ui.t(Str::CountryRu), "org-country-ru", country == "RU")) country = "RU";
    ImGui::SameLine();
    if (Choice(ui, ui.t(Str::CountryBy), "org-country-by", country == "BY")) country = "BY";
    const Str taxLabel = country == "BY" ? Str::OrgTaxIdBy : Str::OrgTaxIdRu;
    const auto check = [&] { return country == "BY" ? org::validateUnp(taxId) : org::validateInn(taxId); };
    if (TextField(ui, taxLabel, "org-tax-id", taxId, w) || errors.count("taxId")) {
        if (auto e = check())
            errors["taxId"] = *e;
        else
            errors.erase("taxId");
    }
    if (errors.count("taxId")) ErrorText(ui, errors["taxId"]);

    if (Button(ui, Str::ButtonSaveOrg, "org-save", !session.saving())) {
        if (name.empty()) errors["name"] = Str::ErrOrgName;
        if (auto e = check()) errors["taxId"] = *e;
        if (!errors.empty()) {
            ui.tell(Str::ErrFixFields, true);
            return;
        }
        session.submit(vault::change::UpsertOrganisation{editingId, name, country, org::compactTaxId(taxId)});
    }
    if (session.data().organisation(editingId)) {
        ImGui::SameLine();
        if (Button(ui, Str::ButtonDeleteOrg, "org-delete", !session.saving())) {
            session.submit(vault::change::RemoveOrganisation{editingId});
            Wipe();
        }
    }
}

} // namespace ts::ui
