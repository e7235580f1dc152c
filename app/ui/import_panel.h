// The import half of the transfer screen: pick a file (or paste the text form), give the bundle's
// passphrase if it has one, then a preview of what is new, the same, or changed on both sides, with
// a choice per conflict. Nothing is written until the user confirms, and then in one save.
#pragma once

#include "core/bundle/transfer.h"
#include "core/kdbx/bridge.h"
#include "core/kinds/kind.h"
#include "core/vault/merge.h"
#include "ui/secret_field.h"
#include "ui/slow_action.h"
#include "ui/ui_context.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ts {
struct PickedFile;
}

namespace ts::ui {

struct ImportPanel {
    enum class Step { Choose, Passphrase, KeePass, Preview };

    Step step = Step::Choose;
    std::string pasted;   // the text form, as pasted
    std::string fileName; // what is being imported, as the user knows it
    crypto::Bytes bundleFile;
    bundle::Info info;
    SecretField pass;
    SlowAction slow;
    std::optional<Message> error; // why the last attempt was refused (shown here and in the status bar)

    // A KeePass database: its password, an optional key file, and once opened the database itself,
    // kept while the preview is shown so the group → organisation choice can map it again.
    SecretField kdbxPass;
    std::optional<crypto::SecretBytes> keyFile;
    std::string keyFileName;
    bool kdbxWaiting = false; // the KeePass module is loading or working
    std::optional<kdbx::Opened> keepass;
    bool groupsAsOrganisations = false;

    // The preview: their data, what each item is, and the user's choice per conflict.
    std::optional<vault::Data> theirs;
    vault::MergePreview preview;
    std::map<std::string, vault::Decision> decisions;
    std::set<std::string> leftOut; // ids of new or newer entries the user unticked: not imported
    bundle::Source source = bundle::Source::Unknown;
    int recognised = 0, skipped = 0, binned = 0;
    // Another tool's export: dates read from its records' text, shown for the user to check (entry
    // id → date field ids; what was typed over them, by "id\nfield"), and organisations its groups
    // name, offered — ticked, their entries go to that organisation (an existing one of the same
    // name, or a new one the import adds).
    std::map<std::string, std::vector<std::string>> datesFromText;
    std::map<std::string, std::string> datesTyped;
    struct OrgOffer {
        std::string name, country;
        std::vector<std::string> entries;
        bool taken = false;
    };
    std::vector<OrgOffer> orgOffers;
    bool again = false;         // their data was changed in the preview: classify it again after this frame
    std::string from;           // the sender's workstation name, if the bundle carries one (their claim)
    std::int64_t createdAt = 0; // when the sender says it was written; 0: not a bundle
    bool sealedToUs = false;    // sealed to this computer's receiving code: anyone with it could
    std::uint64_t previewedAt = 0; // the vault's data version the preview was made against

    // The preview's rows as drawn, conflicts first (they want a decision); made once per preview
    // and language, since a bundle may bring thousands of items and only those in view are drawn.
    struct Row {
        std::size_t item; // in preview.items
        std::string label;
        const kinds::Kind* kind = nullptr; // an entry's kind, for the field names of its differences
    };
    std::vector<Row> rows;
    Lang rowsLang = Lang::Ru;
    std::vector<float> rowHeights; // for RowClipper
    std::string carried;           // the runs and pictures line, made with the rows; empty: none

    // Alive while a file dialog is open: a lock in between makes the answer land nowhere.
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);

    void Draw(UiContext& ui);
    void Wipe();

  private:
    void DrawChoose(UiContext& ui);
    void DrawPassphrase(UiContext& ui);
    void DrawKeePass(UiContext& ui);
    void DrawKeePassPreview(UiContext& ui);
    void OpenKeePass(UiContext& ui);
    void KeePassReplied(UiContext& ui, std::optional<crypto::SecretBytes> reply);
    void MapKeePass(UiContext& ui);
    void DrawPreview(UiContext& ui);
    void DrawItem(UiContext& ui, const Row& row);
    void MakeRows(const vault::Data& mine, Lang lang);
    void DrawOffers(UiContext& ui);
    void DrawDatesFromText(UiContext& ui, const vault::MergeItem& item);
    void TakeOffer(const vault::Data& mine, const OrgOffer& offer);
    void Again(UiContext& ui);
    std::string OrganisationName(const vault::Data& mine, const std::string& id) const;
    void Picked(UiContext& ui, const PickedFile& file);
    void Read(UiContext& ui, std::string name, std::span<const std::uint8_t> bytes);
    void OpenBundle(UiContext& ui);
    void ShowPreview(UiContext& ui, vault::Data data);
    void Refuse(UiContext& ui, Str text, std::string detail = {});
    void Reset();
};

} // namespace ts::ui
