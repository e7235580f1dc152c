// A procedure the user follows on a portal, read from its data file (docs/procedures-format.md):
// steps with instructions and a schematic of the screen, which fields of a credential kind each
// step produces, notes, and a self-check quiz. One engine and one renderer serve every procedure.
#pragma once

#include "core/kinds/kind.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ts::procedures {

using kinds::Text;

// One entry of a menu bar, a tab strip or a side column of a mock-up.
struct Item {
    std::string label;
    bool active = false;
    int mark = 0; // call-out number; 0: none
};

// One element of a mock-up's body (see the table of types in the format document).
struct Element {
    enum class Type { Heading, Text, Field, Select, Checkbox, Button, Link, Icon, Table, Row, Dialog };
    Type type = Type::Text;
    std::string label;
    std::string value;  // field, select: what the box holds; icon: the pictogram's name
    bool flag = false;  // field: secret; checkbox: checked; button: primary
    bool right = false; // in a row: this and the following items sit at the line's right edge
    int mark = 0;
    std::vector<std::string> columns;       // table
    std::vector<std::vector<Element>> rows; // table: cells (a plain string is a Text element)
    std::vector<Element> children;          // row: items; dialog: body
};

struct Screen {
    std::string title, address;
    std::vector<Item> menu, tabs, sidebar;
    std::vector<Element> body;
    std::vector<Text> callouts; // callouts[n-1] explains mark n
};

struct Step {
    std::string id;
    Text title, text, warning; // warning empty: none
    std::vector<std::string> fills;
    Screen screen;
};

struct Question {
    Text question;
    std::vector<Text> options;
    int answer = 0;
    Text explain;
};

struct Procedure {
    std::string id, seed, kind;
    Text system, title, summary;
    std::vector<Text> roles, before;
    std::vector<kinds::Note> notes;
    std::vector<Step> steps;
    std::vector<Question> quiz;

    const Step* step(std::string_view stepId) const;
    int stepIndex(std::string_view stepId) const; // -1: none
};

// The pictograms an `icon` element may name.
const std::vector<std::string>& iconNames();

// Reads one procedure and checks it against the kinds it fills; on failure `error` says what is
// wrong and where.
std::optional<Procedure> parseProcedure(const nlohmann::json& j, const kinds::Registry& kinds,
                                        std::string& error);

// The procedures embedded in the build (app/content/procedures/*.json), in a stable order.
class Library {
  public:
    static const Library& builtIn();
    const std::vector<Procedure>& all() const { return procedures_; }
    const Procedure* find(std::string_view id) const;
    // The procedure that produces credentials of this kind, if one does.
    const Procedure* forKind(std::string_view kindId) const;
    const std::vector<std::string>& errors() const { return errors_; }

  private:
    std::vector<Procedure> procedures_;
    std::vector<std::string> errors_;
};

} // namespace ts::procedures
