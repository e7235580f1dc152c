// The entries list of the vault screen: what each entry is called, the text a search looks in and
// when it is due, worked out once per change of the vault (or of the day), so that a keystroke in
// the search box or a frame only filters and reads them — a vault of 10,000 entries searches as it
// types. Search ignores case in Latin and Cyrillic, treats «ё» as «е», looks in the entry's name,
// its organisation and its fields, and never in a secret field.
#pragma once

#include "core/kinds/expiry.h"
#include "core/kinds/kind.h"
#include "core/vault/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::kinds {

// Lower case for Latin and Cyrillic (Russian and Belarusian letters), «ё» as «е»; every other
// byte is kept as it is.
std::string foldForSearch(std::string_view text);

enum class ListOrder { Name, Expiry, Added };

struct ListQuery {
    std::string_view search; // as typed; empty: every entry
    std::string_view org;    // an organisation's id; empty: any
    std::string_view kind;   // a kind's id; empty: any
    bool onlyDue = false;    // only what has reached a lead time or expired
    ListOrder order = ListOrder::Name;
};

class EntryList {
  public:
    // For `data` as it is now; the list keeps no pointer into it.
    void build(const vault::Data& data, const Registry& kinds, Lang lang, const Date& today);
    void clear();

    // Indices into data.entries (the `data` it was built from) of what the query shows, in order.
    std::vector<int> select(const vault::Data& data, const ListQuery& query) const;

    const std::string& name(int entry) const { return rows_[static_cast<std::size_t>(entry)].name; }
    const std::optional<Due>& due(int entry) const { return rows_[static_cast<std::size_t>(entry)].due; }

  private:
    struct Row {
        std::string name;
        // Folded name, organisation and non-secret field values, each ended by a NUL, which no
        // typed search contains: a match never spans two of them.
        std::string text;
        std::optional<Due> due;
    };
    std::vector<Row> rows_;
    std::vector<int> byName_, byExpiry_;
};

} // namespace ts::kinds
