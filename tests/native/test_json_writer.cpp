// The vault is written without building an nlohmann document first; what it writes must be exactly
// the document nlohmann would print, so the format and its readers (docs, python3-nacl) see no change.
#include "core/json_writer.h"
#include "core/vault/change.h"
#include "core/vault/model.h"

#include <doctest/doctest.h>
#include <string>

using namespace ts;
using nlohmann::json;

namespace {

std::string text(const crypto::SecretBytes& b) {
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

std::string canonical(const std::string& s) {
    return json::parse(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

TEST_CASE("strings are escaped as nlohmann escapes them") {
    for (const std::string& s :
         {std::string(""), std::string("plain"), std::string("ООО «Ромашка» — №5"),
          std::string("quote \" backslash \\ slash /"), std::string("\b\f\n\r\t\x01\x1f\x7f"),
          std::string("emoji \xF0\x9F\x94\x91 and \xE2\x82\xAC"), std::string("nul \0 inside", 12)}) {
        std::string out;
        json_writer::string(out, s);
        CHECK(out == json(s).dump(-1, ' ', false, json::error_handler_t::replace));
    }
    // Not UTF-8: a cut-off sequence, a lone continuation byte, an overlong form, a surrogate.
    for (const std::string& s :
         {std::string("cut \xD0"), std::string("lone \x80 byte"), std::string("overlong \xC0\xAF"),
          std::string("surrogate \xED\xA0\x80"), std::string("too high \xF4\x90\x80\x80")}) {
        std::string out;
        json_writer::string(out, s);
        CHECK(out == json(s).dump(-1, ' ', false, json::error_handler_t::replace));
    }
}

TEST_CASE("a vault is written exactly as nlohmann would print it, unknown keys merged in key order") {
    vault::Data d;
    vault::change::UpsertEntry c;
    c.id = "e1";
    c.fields = {{"title", "ЕИС \"токен\"\n2"}, {"secret", "7c9e6679"}, {"bad", "\xFF"}};
    c.org = "o1";
    c.warnDays = std::vector<int>{30, 7};
    REQUIRE(vault::apply(d, c, 1000));
    c.fields["secret"] = "v2";
    REQUIRE(vault::apply(d, c, 2000)); // one version in the history
    c.id = "e2";
    c.org.reset();
    c.warnDays.reset();
    REQUIRE(vault::apply(d, c, 3000));
    d.organisations.push_back(
        {"o1", "ООО «Ромашка»", "RU", "7707083893", json{{"zeta", 1}, {"aa", {1.5, true}}}});
    // Keys a newer app wrote, sorting before, between and after the known ones.
    d.entries[0].unknown = {{"aaa", nullptr}, {"idx", {{"n", -5}}}, {"zzz", "конец"}};
    d.entries[0].history[0].unknown = {{"note", "старое"}};
    d.unknown = {{"b", 2}, {"later", json::array()}, {"~", 18446744073709551615ull}};
    d.installation.secretKey = "c2VjcmV0";
    d.installation.unknown = {{"m", "x"}};
    const std::string written = text(vault::serialize(d));
    CHECK(written == canonical(written));
    vault::Data back;
    REQUIRE(vault::parse(vault::serialize(d), back) == vault::ParseError::None);
    CHECK(text(vault::serialize(back)) == written);
    CHECK(back.entries[0].unknown == d.entries[0].unknown);
    CHECK(back.unknown == d.unknown);

    // An empty vault: every list present, no installation block.
    CHECK(text(vault::serialize(vault::Data{})) ==
          R"({"attachments":[],"entries":[],"minReader":1,"organisations":[],"runs":[],"schema":1})");
}
