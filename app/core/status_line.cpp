#include "core/status_line.h"

#include <utility>

namespace ts {

bool StatusLine::within(std::string_view place, std::string_view owner) {
    if (owner.empty()) return true;
    if (place.size() < owner.size() || place.substr(0, owner.size()) != owner) return false;
    return place.size() == owner.size() || place[owner.size()] == '/';
}

void StatusLine::say(std::string place, Str text, bool error, std::string detail) {
    message_ = Message{text, std::move(detail), error, std::move(place)};
    coversSave_ = false;
}

void StatusLine::sayWithSave(std::string place, Str text) {
    say(std::move(place), text);
    coversSave_ = true;
}

void StatusLine::fromVault(Str text, bool error, std::string detail) {
    if (text == Str::MsgSaved && !error && coversSave_) {
        coversSave_ = false; // said once: a later save is news again
        return;
    }
    say(error ? std::string() : here_, text, error, std::move(detail));
}

void StatusLine::enter(std::string_view place) {
    here_ = place;
    if (!within(here_, message_.place)) {
        message_ = Message{};
        coversSave_ = false;
    }
}

} // namespace ts
