#include "ui/kind_field.h"

#include "core/kinds/validate.h"
#include "ui/date_picker.h"
#include "ui/entry_editor.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace ts::ui {
namespace {

std::string key(const char* prefix, const std::string& fieldId) {
    return std::string(prefix) + fieldId;
}

} // namespace

void DrawKindField(UiContext& ui, const kinds::Field& f, std::string& value,
                   std::map<std::string, Str>& errors, std::set<std::string>& revealed) {
    const Lang lang = ui.state.settings.language;
    Text(ui, f.label.in(lang) + (f.required ? " *" : ""));
    const float w = std::min(ImGui::GetContentRegionAvail().x - (f.secret ? Px(230.0f) : 0.0f), Px(600.0f));
    ImGui::SetNextItemWidth(w);
    const std::string id = "###" + key("field-", f.id);
    bool edited = false;
    if (f.type == kinds::FieldType::Multiline) {
        edited = ImGui::InputTextMultiline(id.c_str(), &value, ImVec2(w, ImGui::GetTextLineHeight() * 4.5f));
    } else if (f.type == kinds::FieldType::Choice) {
        const kinds::Option* current = nullptr;
        for (const kinds::Option& o : f.options)
            if (o.value == value) current = &o;
        if (BeginCombo(ui, f.label.in(lang), key("field-", f.id).c_str(),
                       current ? current->label.in(lang).c_str() : "—")) {
            for (const kinds::Option& o : f.options) {
                const std::string label = o.label.in(lang) + "###" + key("option-", f.id + "-" + o.value);
                if (ImGui::Selectable(label.c_str(), current == &o)) {
                    value = o.value;
                    edited = true;
                }
            }
            ImGui::EndCombo();
        }
    } else {
        ImGuiInputTextFlags flags = f.secret && !revealed.count(f.id) ? ImGuiInputTextFlags_Password : 0;
        // A value the kind filled in («TPSClient») is selected on a click, so that typing replaces it
        // rather than being added to its end.
        if (!f.defaultValue.empty() && value == kinds::display(f, f.defaultValue))
            flags |= ImGuiInputTextFlags_AutoSelectAll;
        // A date says how it is written before anything is typed, not only after a mistake.
        if (f.type == kinds::FieldType::Date) {
            ImGui::SetNextItemWidth(std::min(w, Px(160.0f)));
            edited = ImGui::InputTextWithHint(id.c_str(), ui.t(Str::DateHint), &value, flags);
            ui.seam.describeLast(f.label.in(lang), value);
            ImGui::SameLine();
            edited |= DatePicker(ui, f.id, value);
        } else

            edited = ImGui::InputText(id.c_str(), &value, flags);
    }
    if (f.secret)
        ui.seam.describeSecret(f.label.in(lang), value);
    else if (f.type != kinds::FieldType::Date) // described before its calendar button
        ui.seam.describeLast(f.label.in(lang), value);
    if (f.secret) {
        ImGui::SameLine();
        const bool shown = revealed.count(f.id) > 0;
        if (Button(ui, shown ? Str::ButtonHide : Str::ButtonReveal, key("reveal-", f.id).c_str())) {
            if (shown)
                revealed.erase(f.id);
            else
                revealed.insert(f.id);
        }
        ImGui::SameLine();
        if (Button(ui, Str::ButtonCopy, key("copy-", f.id).c_str(), !value.empty())) CopySecret(ui, value);
    }
    if (edited || errors.count(f.id)) { // once a field has been touched, keep its message current
        if (auto e = kinds::validateValue(f, kinds::normalise(f, value)))
            errors[f.id] = *e;
        else
            errors.erase(f.id);
    }
    if (const auto it = errors.find(f.id); it != errors.end())
        ErrorText(ui, it->second);
    else if (!f.hint.ru.empty())
        TextMuted(ui, f.hint.in(lang));
}

} // namespace ts::ui
