#include "core/kinds/entry_list.h"

#include "core/kinds/deadlines.h"

#include <algorithm>
#include <climits>
#include <numeric>

namespace ts::kinds {
namespace {

void appendTwoByte(std::string& out, unsigned cp) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

void appendFolded(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 'A' && b <= 'Z') {
            out += static_cast<char>(b + ('a' - 'A'));
            continue;
        }
        // Cyrillic U+0400..U+047F is two bytes, D0 or D1 then a continuation byte.
        const bool cyrillic = (b == 0xD0 || b == 0xD1) && i + 1 < text.size() &&
                              (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80;
        if (!cyrillic) {
            out += static_cast<char>(b);
            continue;
        }
        unsigned cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3Fu);
        if (cp == 0x401 || cp == 0x451)
            cp = 0x435; // Ё, ё → е
        else if (cp >= 0x410 && cp <= 0x42F)
            cp += 0x20; // А..Я → а..я
        else if (cp >= 0x400 && cp <= 0x40F)
            cp += 0x50; // Ѐ..Џ (Belarusian І, Ў among them)
        appendTwoByte(out, cp);
    }
}

} // namespace

std::string foldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    appendFolded(out, text);
    return out;
}

void EntryList::clear() {
    rows_.clear();
    byName_.clear();
    byExpiry_.clear();
}

void EntryList::build(const vault::Data& data, const Registry& kinds, Lang lang, const Date& today) {
    clear();
    rows_.resize(data.entries.size());
    std::vector<std::string> sortNames(data.entries.size());
    std::vector<std::int64_t> expiryDays(data.entries.size(), INT64_MAX);
    for (std::size_t i = 0; i < data.entries.size(); ++i) {
        const vault::Entry& e = data.entries[i];
        Row& row = rows_[i];
        const Kind* k = kinds.find(e.kind);
        row.name = k ? entryName(*k, e, lang, &data) : e.kind;
        if (k) row.due = dueOn(*k, e.fields, today, leadDays(*k, e));
        if (row.due) expiryDays[i] = daysFromCivil(row.due->expires);
        appendFolded(row.text, row.name);
        sortNames[i] = row.text;
        if (const vault::Organisation* o = data.organisation(e.org)) {
            row.text += '\0';
            appendFolded(row.text, o->name);
        }
        for (auto it = e.fields.begin(); it != e.fields.end(); ++it) {
            const Field* f = k ? k->field(it.key()) : nullptr;
            if (!it->is_string() || (f && f->secret)) continue;
            row.text += '\0';
            appendFolded(row.text, it->get_ref<const std::string&>());
        }
    }
    byName_.resize(rows_.size());
    std::iota(byName_.begin(), byName_.end(), 0);
    byExpiry_ = byName_;
    std::stable_sort(byName_.begin(), byName_.end(), [&](int a, int b) {
        return sortNames[static_cast<std::size_t>(a)] < sortNames[static_cast<std::size_t>(b)];
    });
    std::stable_sort(byExpiry_.begin(), byExpiry_.end(), [&](int a, int b) {
        return expiryDays[static_cast<std::size_t>(a)] < expiryDays[static_cast<std::size_t>(b)];
    });
}

std::vector<int> EntryList::select(const vault::Data& data, const ListQuery& q) const {
    std::vector<int> out;
    if (rows_.size() != data.entries.size()) return out; // built for other data: rebuild first
    const std::string needle = foldForSearch(q.search);
    auto keep = [&](int i) {
        const vault::Entry& e = data.entries[static_cast<std::size_t>(i)];
        const Row& row = rows_[static_cast<std::size_t>(i)];
        if (!q.org.empty() && e.org != q.org) return false;
        if (!q.kind.empty() && e.kind != q.kind) return false;
        if (q.onlyDue && (!row.due || row.due->level == Due::Level::Ok)) return false;
        return needle.empty() || row.text.find(needle) != std::string::npos;
    };
    if (q.order == ListOrder::Added) {
        for (int i = 0; i < static_cast<int>(rows_.size()); ++i)
            if (keep(i)) out.push_back(i);
        return out;
    }
    for (int i : q.order == ListOrder::Name ? byName_ : byExpiry_)
        if (keep(i)) out.push_back(i);
    return out;
}

} // namespace ts::kinds
