// A credential kind, read from its data file (docs/kinds-format.md): its fields, how it expires,
// when to warn, and where it is entered. One engine for every kind; nothing kind-specific in code.
#pragma once

#include "core/strings.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ts::kinds {

// A text in both languages.
struct Text {
    std::string ru, en;
    const std::string& in(Lang lang) const { return lang == Lang::En && !en.empty() ? en : ru; }
};

enum class FieldType { Guid, Date, Email, Login, Secret, Text, Multiline, Choice, SystemName, Url };

struct Option {
    std::string value;
    Text label;
};

struct Field {
    std::string id;
    FieldType type = FieldType::Text;
    Text label, hint;
    bool required = false;
    bool secret = false;
    std::vector<Option> options;
    std::string defaultValue;
};

struct Expiry {
    enum class Rule { None, DateField, MonthsAfter };
    Rule rule = Rule::None;
    std::string field; // the date field it reads
    int months = 0;
    // MonthsAfter: a date field for the expiry the portal itself shows. When filled it wins over
    // the computed date, which is only a default (a portal may give a token another term).
    std::string portalField;
};

struct Note {
    Text text;
    bool warning = false;
};

struct Kind {
    std::string id;
    std::string country; // "RU" or "BY"
    Text system, title, summary, whereItGoes;
    Text shortTitle; // a few words for lists, after the organisation's name; empty: the title
    std::vector<Field> fields;
    Expiry expiry;
    std::vector<int> warnDays; // descending
    std::vector<Note> notes;

    const Field* field(std::string_view fieldId) const;
    // The field whose value names an entry in lists: the first required text-like field.
    const Field* nameField() const;
};

// Reads one kind; on failure `error` says what is wrong and where (for the content tests).
std::optional<Kind> parseKind(const nlohmann::json& j, std::string& error);

// The kinds embedded in the build (app/content/kinds/*.json), in a stable order.
class Registry {
  public:
    static const Registry& builtIn();
    const std::vector<Kind>& all() const { return kinds_; }
    const Kind* find(std::string_view id) const;
    // Files that did not load, with the reason: empty in a correct build (the tests check it).
    const std::vector<std::string>& errors() const { return errors_; }

    void add(Kind k) { kinds_.push_back(std::move(k)); }

  private:
    std::vector<Kind> kinds_;
    std::vector<std::string> errors_;
};

} // namespace ts::kinds
