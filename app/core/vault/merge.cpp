#include "core/vault/merge.h"

#include "core/json_text.h"
#include "core/vault/model_json.h"

#include <algorithm>
#include <unordered_map>

namespace ts::vault {

using nlohmann::json;

namespace {

bool inHistory(const Entry& e, const json& fields) {
    return std::any_of(e.history.begin(), e.history.end(),
                       [&](const EntryVersion& v) { return v.fields == fields; });
}

MergeStatus classify(const Entry* mine, const Entry& theirs) {
    if (!mine) return MergeStatus::New;
    if (mine->kind == theirs.kind && mine->fields == theirs.fields) return MergeStatus::Identical;
    if (mine->kind == theirs.kind && inHistory(theirs, mine->fields)) return MergeStatus::Newer;
    if (mine->kind == theirs.kind && inHistory(*mine, theirs.fields)) return MergeStatus::Older;
    return MergeStatus::Conflict;
}

// Our entry that an incoming one is a version of: the one with its id or else — another tool's
// export has its own ids — the first with the same kind and fields. Looked up by hash, so
// importing thousands of entries into a vault of thousands stays linear.
class Counterparts {
  public:
    explicit Counterparts(const Data& mine) {
        for (std::size_t i = 0; i < mine.entries.size(); ++i) add(mine.entries[i], i);
    }
    const Entry* find(const Data& mine, const Entry& theirs) const {
        if (const auto it = byId_.find(theirs.id); it != byId_.end()) return &mine.entries[it->second];
        if (const auto it = byContent_.find(key(theirs)); it != byContent_.end())
            return &mine.entries[it->second];
        return nullptr;
    }
    bool hasId(const std::string& id) const { return byId_.count(id) > 0; }
    void add(const Entry& e, std::size_t index) {
        byId_.emplace(e.id, index);
        byContent_.emplace(key(e), index);
    }
    // Entry `index` is about to take new fields: its old content no longer names it.
    void forget(const Entry& e, std::size_t index) {
        const auto it = byContent_.find(key(e));
        if (it != byContent_.end() && it->second == index) byContent_.erase(it);
    }

  private:
    static std::string key(const Entry& e) { return e.kind + '\n' + e.fields.dump(); }
    std::unordered_map<std::string, std::size_t> byId_, byContent_;
};

std::vector<FieldDiff> diff(const Entry& mine, const Entry& theirs) {
    std::vector<std::string> keys;
    for (const json* f : {&mine.fields, &theirs.fields})
        for (auto it = f->begin(); it != f->end(); ++it)
            if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) keys.push_back(it.key());
    std::vector<FieldDiff> out;
    for (const std::string& k : keys) {
        const std::string a = stringAt(mine.fields, k), b = stringAt(theirs.fields, k);
        if (a != b) out.push_back(FieldDiff{k, a, b});
    }
    if (mine.kind != theirs.kind) out.insert(out.begin(), FieldDiff{"#kind", mine.kind, theirs.kind});
    return out;
}

bool sameOrganisation(const Organisation& a, const Organisation& b) {
    return a.name == b.name && a.country == b.country && a.taxId == b.taxId;
}

const char* decisionName(Decision d) {
    switch (d) {
    case Decision::KeepMine:
        return "mine";
    case Decision::TakeTheirs:
        return "theirs";
    case Decision::KeepBoth:
        break;
    }
    return "both";
}

// Their versions, then ours on top: the entry's history keeps every version either side saw.
void adopt(Entry& mine, const Entry& theirs, std::int64_t now) {
    mine.history.push_back(EntryVersion{mine.updatedAt, mine.fields, json::object()});
    for (const EntryVersion& v : theirs.history)
        if (!inHistory(mine, v.fields) && v.fields != mine.fields) mine.history.push_back(v);
    std::sort(mine.history.begin(), mine.history.end(),
              [](const EntryVersion& a, const EntryVersion& b) { return a.savedAt < b.savedAt; });
    while (mine.history.size() > kMaxHistory) mine.history.erase(mine.history.begin());
    mine.fields = theirs.fields;
    mine.updatedAt = now;
    if (mine.org.empty()) mine.org = theirs.org;
}

} // namespace

int MergePreview::count(MergeStatus s) const {
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [&](const MergeItem& i) { return i.status == s; }));
}

MergePreview previewMerge(const Data& mine, const Data& theirs) {
    MergePreview p;
    for (const Organisation& o : theirs.organisations) {
        const Organisation* m = mine.organisation(o.id);
        MergeItem item{MergeItem::What::Organisation, o.id, MergeStatus::New, {}};
        if (m && sameOrganisation(*m, o)) {
            item.status = MergeStatus::Identical;
        } else if (m) {
            item.status = MergeStatus::Conflict;
            for (auto [field, a, b] :
                 {std::tuple{"name", m->name, o.name}, std::tuple{"taxId", m->taxId, o.taxId},
                  std::tuple{"country", m->country, o.country}})
                if (a != b) item.diffs.push_back(FieldDiff{field, a, b});
        }
        p.items.push_back(std::move(item));
    }
    const Counterparts ours(mine);
    for (const Entry& e : theirs.entries) {
        const Entry* m = ours.find(mine, e);
        MergeItem item{MergeItem::What::Entry, e.id, classify(m, e), {}};
        if (item.status == MergeStatus::Conflict) item.diffs = diff(*m, e);
        p.items.push_back(std::move(item));
    }
    return p;
}

Change importChange(const Data& theirs, const std::map<std::string, Decision>& decisions) {
    Change c;
    c.kind = Change::Kind::Import;
    json d = json::object();
    for (const auto& [id, decision] : decisions) d[id] = decisionName(decision);
    const crypto::SecretBytes bytes = serialize(theirs);
    c.fields = {{"data", json::parse(bytes.begin(), bytes.end())}, {"decisions", std::move(d)}};
    return c;
}

bool applyImport(Data& data, const Change& c, std::int64_t now) {
    if (!c.fields.contains("data") || !c.fields.contains("decisions") || !c.fields["decisions"].is_object())
        return false;
    const std::string text = c.fields["data"].dump();
    Data theirs;
    if (parse(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), theirs) !=
        ParseError::None)
        return false;
    const json& decisions = c.fields["decisions"];
    const auto decided = [&](const std::string& id) {
        const std::string d = decisions.value(id, std::string("both"));
        return d == "mine" ? Decision::KeepMine : d == "theirs" ? Decision::TakeTheirs : Decision::KeepBoth;
    };
    bool changed = false;
    for (const Organisation& o : theirs.organisations) {
        auto it = std::find_if(data.organisations.begin(), data.organisations.end(),
                               [&](const Organisation& m) { return m.id == o.id; });
        if (it == data.organisations.end()) {
            data.organisations.push_back(o);
            changed = true;
        } else if (!sameOrganisation(*it, o) && decided(o.id) == Decision::TakeTheirs) {
            *it = o;
            changed = true;
        } // an organisation is a name and a number: "both" would make two of one, so ours stays
    }
    Counterparts ours(data);
    const auto push = [&](Entry e) {
        ours.add(e, data.entries.size());
        data.entries.push_back(std::move(e));
    };
    for (const Entry& e : theirs.entries) {
        const Entry* m = ours.find(data, e);
        const MergeStatus status = classify(m, e);
        Entry* mine = m ? &data.entries[static_cast<std::size_t>(m - data.entries.data())] : nullptr;
        if (status == MergeStatus::Identical || status == MergeStatus::Older) continue;
        if (status == MergeStatus::Newer ||
            (status == MergeStatus::Conflict && decided(e.id) == Decision::TakeTheirs)) {
            if (mine->kind != e.kind) { // a different kind cannot be a version of ours: keep both
                Entry copy = e;
                copy.id = newEntryId();
                push(std::move(copy));
            } else {
                const std::size_t index = static_cast<std::size_t>(mine - data.entries.data());
                ours.forget(*mine, index);
                adopt(*mine, e, now);
                ours.add(*mine, index);
            }
            changed = true;
            continue;
        }
        if (status == MergeStatus::Conflict && decided(e.id) == Decision::KeepMine) continue;
        Entry copy = e; // new, or both kept
        if (status == MergeStatus::Conflict || ours.hasId(copy.id)) copy.id = newEntryId();
        if (!copy.org.empty() && !data.organisation(copy.org)) copy.org.clear();
        push(std::move(copy));
        changed = true;
    }
    for (const Run& r : theirs.runs)
        if (!data.run(r.id) && (r.open() ? !data.openRun(r.org, r.system) : true)) {
            data.runs.push_back(r);
            changed = true;
        }
    for (const Attachment& a : theirs.attachments)
        if (!data.attachment(a.procedure, a.step)) {
            data.attachments.push_back(a);
            changed = true;
        }
    return changed;
}

} // namespace ts::vault
