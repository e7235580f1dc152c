#include "core/vault/merge.h"
#include "core/vault/change.h"

#include "core/json_text.h"
#include "core/vault/model_json.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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

std::string contentKey(const Entry& e) {
    return e.kind + '\n' + e.fields.dump();
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
        if (const auto it = byContent_.find(contentKey(theirs)); it != byContent_.end())
            return &mine.entries[it->second];
        return nullptr;
    }
    bool hasId(const std::string& id) const { return byId_.count(id) > 0; }
    void add(const Entry& e, std::size_t index) {
        byId_.emplace(e.id, index);
        byContent_.emplace(contentKey(e), index);
    }
    // Entry `index` is about to take new fields: its old content no longer names it.
    void forget(const Entry& e, std::size_t index) {
        const auto it = byContent_.find(contentKey(e));
        if (it != byContent_.end() && it->second == index) byContent_.erase(it);
    }

  private:
    std::unordered_map<std::string, std::size_t> byId_, byContent_;
};

// What the incoming data repeats: only the first occurrence of an id (an entry's content, a
// picture's step) is listed and taken, so a crafted bundle cannot slip a second version of an item
// behind the one the preview shows. The preview and the import walk the data in the same order.
class Repeats {
  public:
    bool entry(const Entry& e) {
        const bool again = entryIds_.count(e.id) > 0 || contents_.count(contentKey(e)) > 0;
        entryIds_.insert(e.id);
        contents_.insert(contentKey(e));
        return again;
    }
    bool organisation(const Organisation& o) { return !orgIds_.insert(o.id).second; }
    bool run(const Run& r) { return !runIds_.insert(r.id).second; }
    bool attachment(const Attachment& a) { return !steps_.insert(a.procedure + '\n' + a.step).second; }

  private:
    std::unordered_set<std::string> entryIds_, contents_, orgIds_, runIds_, steps_;
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
    // Taking theirs also files ours under their organisation when ours has none (adopt()).
    if (mine.org.empty() && !theirs.org.empty()) out.insert(out.begin(), FieldDiff{"#org", "", theirs.org});
    if (mine.kind != theirs.kind) out.insert(out.begin(), FieldDiff{"#kind", mine.kind, theirs.kind});
    return out;
}

// The versions of theirs that adopt() adds to our entry's history.
int addedVersions(const Entry& mine, const Entry& theirs) {
    std::unordered_set<std::string> known{mine.fields.dump()};
    for (const EntryVersion& v : mine.history) known.insert(v.fields.dump());
    int n = 0;
    for (const EntryVersion& v : theirs.history) n += known.insert(v.fields.dump()).second ? 1 : 0;
    return n;
}

bool sameOrganisation(const Organisation& a, const Organisation& b) {
    return a.name == b.name && a.country == b.country && a.taxId == b.taxId;
}

MergeStatus organisationStatus(const Data& data, const Organisation& o) {
    const Organisation* m = data.organisation(o.id);
    return !m ? MergeStatus::New : sameOrganisation(*m, o) ? MergeStatus::Identical : MergeStatus::Conflict;
}

// A run with an id we have is ours already; a second open run for one organisation and system
// cannot be (apply() refuses it), so an incoming one next to ours is not taken.
MergeStatus runStatus(const Data& data, const Run& r, bool openTaken) {
    if (data.run(r.id)) return MergeStatus::Identical;
    if (r.open() && (openTaken || data.openRun(r.org, r.system))) return MergeStatus::Skipped;
    return MergeStatus::New;
}

// A step has one picture: ours stays.
MergeStatus attachmentStatus(const Data& data, const Attachment& a) {
    const Attachment* m = data.attachment(a.procedure, a.step);
    if (!m) return MergeStatus::New;
    return m->jpeg == a.jpeg ? MergeStatus::Identical : MergeStatus::Skipped;
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

constexpr MergeItem::What kLists[] = {MergeItem::What::Organisation, MergeItem::What::Entry,
                                      MergeItem::What::Run, MergeItem::What::Attachment};

std::size_t sizeOf(const Data& d, MergeItem::What w) {
    switch (w) {
    case MergeItem::What::Organisation:
        return d.organisations.size();
    case MergeItem::What::Entry:
        return d.entries.size();
    case MergeItem::What::Run:
        return d.runs.size();
    case MergeItem::What::Attachment:
        break;
    }
    return d.attachments.size();
}

} // namespace

std::vector<FieldDiff> fieldDiffs(const Entry& mine, const Entry& theirs) {
    return diff(mine, theirs);
}

int MergePreview::count(MergeStatus s) const {
    return count(MergeItem::What::Entry, s) + count(MergeItem::What::Organisation, s);
}

int MergePreview::count(MergeItem::What w, MergeStatus s) const {
    return static_cast<int>(std::count_if(items.begin(), items.end(),
                                          [&](const MergeItem& i) { return i.what == w && i.status == s; }));
}

bool MergePreview::changesAnything() const {
    return std::any_of(items.begin(), items.end(), [](const MergeItem& i) {
        return i.status == MergeStatus::New || i.status == MergeStatus::Newer ||
               i.status == MergeStatus::Conflict;
    });
}

MergePreview previewMerge(const Data& mine, const Data& theirs) {
    MergePreview p;
    Repeats seen;
    using What = MergeItem::What;
    for (std::size_t i = 0; i < theirs.organisations.size(); ++i) {
        const Organisation& o = theirs.organisations[i];
        MergeItem item{What::Organisation, o.id, MergeStatus::Skipped, {}, 0, i};
        if (!seen.organisation(o)) item.status = organisationStatus(mine, o);
        if (item.status == MergeStatus::Conflict) {
            const Organisation* m = mine.organisation(o.id);
            for (auto [field, a, b] :
                 {std::tuple{"name", m->name, o.name}, std::tuple{"taxId", m->taxId, o.taxId},
                  std::tuple{"country", m->country, o.country}})
                if (a != b) item.diffs.push_back(FieldDiff{field, a, b});
        }
        p.items.push_back(std::move(item));
    }
    const Counterparts ours(mine);
    for (std::size_t i = 0; i < theirs.entries.size(); ++i) {
        const Entry& e = theirs.entries[i];
        const Entry* m = ours.find(mine, e);
        MergeItem item{What::Entry, e.id, seen.entry(e) ? MergeStatus::Skipped : classify(m, e), {}, 0, i};
        if (item.status == MergeStatus::Conflict || item.status == MergeStatus::Newer) {
            item.diffs = diff(*m, e);
            item.versions = addedVersions(*m, e);
        } else if (item.status == MergeStatus::New) {
            item.versions = static_cast<int>(e.history.size()); // it arrives with its history
        }
        p.items.push_back(std::move(item));
    }
    std::unordered_set<std::string> openTaken; // organisation '\n' system of the open runs taken
    for (std::size_t i = 0; i < theirs.runs.size(); ++i) {
        const Run& r = theirs.runs[i];
        const std::string pair = r.org + '\n' + r.system;
        MergeItem item{What::Run, r.id, MergeStatus::Skipped, {}, 0, i};
        if (!seen.run(r)) item.status = runStatus(mine, r, r.open() && openTaken.count(pair));
        if (item.status == MergeStatus::New && r.open()) openTaken.insert(pair);
        p.items.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < theirs.attachments.size(); ++i) {
        const Attachment& a = theirs.attachments[i];
        MergeItem item{What::Attachment, a.procedure + '\n' + a.step, MergeStatus::Skipped, {}, 0, i};
        if (!seen.attachment(a)) item.status = attachmentStatus(mine, a);
        p.items.push_back(std::move(item));
    }
    return p;
}

change::Import importChange(const Data& theirs, const MergePreview& preview,
                            const std::map<std::string, Decision>& decisions) {
    change::Import c{theirs, decisions, {}};
    // An item the preview did not list stays nullopt and is not applied.
    for (const MergeItem::What what : kLists) c.shown[what].resize(sizeOf(theirs, what));
    for (const MergeItem& item : preview.items) {
        auto& list = c.shown[item.what];
        if (item.index < list.size()) list[item.index] = item.status;
    }
    return c;
}

bool apply(Data& data, const change::Import& c, std::int64_t now) {
    const Data& theirs = c.incoming;
    for (const MergeItem::What what : kLists) {
        const auto it = c.shown.find(what);
        if (it == c.shown.end() || it->second.size() != sizeOf(theirs, what)) return false;
    }
    // Applied only as the preview showed it: a status that changed since is not what the user saw.
    const auto asShown = [&](MergeItem::What what, std::size_t i, MergeStatus now) {
        return c.shown.at(what)[i] == now;
    };
    const auto decided = [&](const std::string& id) {
        const auto it = c.decisions.find(id);
        return it == c.decisions.end() ? Decision::KeepBoth : it->second;
    };
    Repeats seen;
    bool changed = false;
    for (std::size_t i = 0; i < theirs.organisations.size(); ++i) {
        const Organisation& o = theirs.organisations[i];
        const MergeStatus status = seen.organisation(o) ? MergeStatus::Skipped : organisationStatus(data, o);
        if (!asShown(MergeItem::What::Organisation, i, status)) continue;
        if (status == MergeStatus::New) {
            data.organisations.push_back(o);
            changed = true;
        } else if (status == MergeStatus::Conflict && decided(o.id) == Decision::TakeTheirs) {
            *std::find_if(data.organisations.begin(), data.organisations.end(),
                          [&](const Organisation& m) { return m.id == o.id; }) = o;
            changed = true;
        } // an organisation is a name and a number: "both" would make two of one, so ours stays
    }
    Counterparts ours(data);
    const auto push = [&](Entry e) {
        ours.add(e, data.entries.size());
        data.entries.push_back(std::move(e));
    };
    for (std::size_t i = 0; i < theirs.entries.size(); ++i) {
        const Entry& e = theirs.entries[i];
        const Entry* m = ours.find(data, e);
        const MergeStatus status = seen.entry(e) ? MergeStatus::Skipped : classify(m, e);
        if (!asShown(MergeItem::What::Entry, i, status)) continue;
        Entry* mine = m ? &data.entries[static_cast<std::size_t>(m - data.entries.data())] : nullptr;
        if (status == MergeStatus::Identical || status == MergeStatus::Older ||
            status == MergeStatus::Skipped)
            continue;
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
    for (std::size_t i = 0; i < theirs.runs.size(); ++i) {
        const Run& r = theirs.runs[i];
        const MergeStatus status = seen.run(r) ? MergeStatus::Skipped : runStatus(data, r, false);
        if (status == MergeStatus::New && asShown(MergeItem::What::Run, i, status)) {
            data.runs.push_back(r);
            changed = true;
        }
    }
    for (std::size_t i = 0; i < theirs.attachments.size(); ++i) {
        const Attachment& a = theirs.attachments[i];
        const MergeStatus status = seen.attachment(a) ? MergeStatus::Skipped : attachmentStatus(data, a);
        if (status == MergeStatus::New && asShown(MergeItem::What::Attachment, i, status)) {
            data.attachments.push_back(a);
            changed = true;
        }
    }
    return changed;
}

} // namespace ts::vault
