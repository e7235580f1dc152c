#include "core/crypto/crypto.h"
#include "core/kinds/kind.h"
#include "core/procedures/run_plan.h"
#include "core/vault/change.h"
#include "core/vault/model.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::vault;
using nlohmann::json;

namespace {

const std::string kGuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

procedures::Procedure sample() {
    procedures::Procedure p;
    p.id = "sample";
    p.kind = "eis-export-token";
    p.system = {"ЕИС", "EIS"};
    procedures::Step a, b, c;
    a.id = "open";
    b.id = "generate";
    b.fills = {"guid", "validUntil"};
    c.id = "enter";
    p.steps = {a, b, c};
    return p;
}

change::StartRun start(const std::string& id, const std::string& org, const std::string& system = "ЕИС") {
    return {id, "sample", system, org, ""};
}

change::UpdateRun update(const std::string& id, std::vector<std::string> done, json values,
                         std::string target = {}) {
    return {id, std::move(done), std::move(values), std::move(target)};
}

change::FinishRun finish(const std::string& id, const std::string& target, json fields) {
    return {id, target, "eis-export-token", std::move(fields)};
}

const kinds::Kind& exportKind() {
    return *kinds::Registry::builtIn().find("eis-export-token");
}

} // namespace

TEST_CASE("one open run per organisation and system, paused and resumed through the vault") {
    REQUIRE(crypto::init());
    Data d;
    CHECK(apply(d, start("r1", "org1"), 100));
    CHECK_FALSE(apply(d, start("r2", "org1"), 110)); // same organisation and system
    CHECK(apply(d, start("r3", "org1", "ОАИС"), 120));
    CHECK(apply(d, start("r4", "org2"), 130));
    CHECK_FALSE(apply(d, start("r5", ""), 140)); // a run is always for an organisation
    REQUIRE(d.openRun("org1", "ЕИС"));
    CHECK(d.openRun("org1", "ЕИС")->id == "r1");

    CHECK(apply(d, update("r1", {"open"}, {{"guid", kGuid}}), 200));
    CHECK_FALSE(apply(d, update("r1", {"open"}, {{"guid", kGuid}}), 210)); // nothing changed
    CHECK_FALSE(apply(d, update("nope", {"open"}, json::object()), 210));

    // Paused: the vault is saved and opened again; the run is where it was.
    Data back;
    REQUIRE(parse(serialize(d), back) == ParseError::None);
    const Run* r = back.run("r1");
    REQUIRE(r);
    CHECK(r->open());
    CHECK(r->done == std::vector<std::string>{"open"});
    CHECK(r->values["guid"] == kGuid);
    CHECK(r->startedAt == 100);
    CHECK(r->updatedAt == 200);
    CHECK(procedures::nextStep(sample(), *r) == 1);
    CHECK(procedures::doneCount(sample(), *r) == 1);
}

TEST_CASE("finishing a run creates the entry, then a later run writes a new version of it") {
    REQUIRE(crypto::init());
    Data d;
    REQUIRE(apply(d, start("r1", "org1"), 100));
    REQUIRE(
        apply(d, update("r1", {"open", "generate", "enter"}, {{"guid", kGuid}, {"validUntil", "2027-03-01"}}),
              200));
    CHECK(procedures::missingValues(sample(), exportKind(), *d.run("r1")).empty());
    const json fields = procedures::finishFields(exportKind(), *d.run("r1"), true);
    CHECK(fields["guid"] == kGuid);
    REQUIRE(apply(d, finish("r1", "e1", fields), 300));
    const Entry* e = d.find("e1");
    REQUIRE(e);
    CHECK(e->kind == "eis-export-token");
    CHECK(e->org == "org1");
    CHECK(e->field("validUntil") == "2027-03-01");
    const Run* r = d.run("r1");
    CHECK_FALSE(r->open());
    CHECK(r->finishedAt == 300);
    CHECK(r->savedEntry == "e1");
    CHECK(r->values.empty()); // the secret values live in the entry only
    CHECK(d.openRun("org1", "ЕИС") == nullptr);
    CHECK_FALSE(apply(d, finish("r1", "e1", fields), 310)); // finished once

    // The next renewal: the default target is the organisation's existing entry of this kind.
    REQUIRE(apply(d, start("r2", "org1"), 400));
    CHECK(procedures::defaultTarget(d, sample(), "org1") == "e1");
    CHECK(procedures::defaultTarget(d, sample(), "org2").empty());
    const std::string guid2 = "AAAAAAAA-4F89-11D3-9A0C-0305E82C3301"; // typed in capitals
    REQUIRE(apply(d, update("r2", {"generate"}, {{"guid", guid2}, {"validUntil", "01.03.2028"}}, "e1"), 450));
    REQUIRE(apply(d, finish("r2", "e1", procedures::finishFields(exportKind(), *d.run("r2"), false)), 500));
    e = d.find("e1");
    CHECK(e->field("guid") == "aaaaaaaa-4f89-11d3-9a0c-0305e82c3301");
    CHECK(e->field("validUntil") == "2028-03-01");
    REQUIRE(e->history.size() == 1); // the old token is one version back, not lost
    CHECK(e->history[0].fields["guid"] == kGuid);
    CHECK(d.runs.size() == 2); // the history of finished runs

    // A run may not write into an entry of another kind.
    REQUIRE(apply(d, start("r3", "org1"), 600));
    change::FinishRun wrong = finish("r3", "e1", json{{"guid", kGuid}});
    wrong.entryKind = "eis-https-login";
    CHECK_FALSE(apply(d, wrong, 610));
    CHECK(d.run("r3")->open());

    // Abandoning an open run removes it.
    const change::RemoveRun remove{"r3"};
    CHECK(apply(d, remove, 700));
    CHECK(d.run("r3") == nullptr);
}

TEST_CASE("a step's values are checked by the credential kind before it can be ticked") {
    const procedures::Procedure p = sample();
    const procedures::Step& gen = p.steps[1];
    auto errors = procedures::stepErrors(p, exportKind(), gen, json::object());
    CHECK(errors.count("guid")); // required
    errors = procedures::stepErrors(p, exportKind(), gen,
                                    {{"guid", "kjsd-34m34-1"}, {"validUntil", "31.02.2027"}});
    CHECK(errors.count("guid"));
    CHECK(errors.count("validUntil"));
    errors = procedures::stepErrors(p, exportKind(), gen, {{"guid", kGuid}, {"validUntil", "01.03.2027"}});
    CHECK(errors.empty());
    CHECK(procedures::stepErrors(p, exportKind(), p.steps[0], json::object()).empty()); // fills nothing
}

TEST_CASE("a vault without runs (written before them) opens, and unknown run keys survive") {
    REQUIRE(crypto::init());
    const std::string old = R"({"schema":1,"entries":[]})";
    Data d;
    REQUIRE(parse(std::span(reinterpret_cast<const std::uint8_t*>(old.data()), old.size()), d) ==
            ParseError::None);
    CHECK(d.runs.empty());
    const std::string newer =
        R"({"schema":1,"entries":[],"runs":[{"id":"r","procedure":"p","system":"s","org":"o","done":[],)"
        R"("values":{},"startedAt":1,"updatedAt":2,"futureKey":[1,2]}]})";
    REQUIRE(parse(std::span(reinterpret_cast<const std::uint8_t*>(newer.data()), newer.size()), d) ==
            ParseError::None);
    Data back;
    REQUIRE(parse(serialize(d), back) == ParseError::None);
    CHECK(back.runs[0].unknown["futureKey"] == json::array({1, 2}));
}

TEST_CASE("a picture attached to a step is kept in the vault, replaced, and removed") {
    REQUIRE(crypto::init());
    Data d;
    change::SetAttachment set{"sample", "generate", "/9j/AAAA", 1280, 800};
    CHECK(apply(d, set, 100));
    Data back;
    REQUIRE(parse(serialize(d), back) == ParseError::None);
    const Attachment* a = back.attachment("sample", "generate");
    REQUIRE(a);
    CHECK(a->jpeg == "/9j/AAAA");
    CHECK(a->width == 1280);
    CHECK(a->height == 800);
    CHECK(a->addedAt == 100);
    CHECK(back.attachment("sample", "open") == nullptr);

    set.jpeg = "/9j/BBBB";
    CHECK(apply(d, set, 200));
    CHECK(d.attachments.size() == 1);
    CHECK(d.attachment("sample", "generate")->jpeg == "/9j/BBBB");

    change::SetAttachment bad = set;
    bad.width = -5;
    CHECK_FALSE(apply(d, bad, 300));
    bad = set;
    bad.jpeg.clear();
    CHECK_FALSE(apply(d, bad, 300));

    const change::RemoveAttachment remove{"sample", "generate"};
    CHECK(apply(d, remove, 400));
    CHECK(d.attachments.empty());
    CHECK_FALSE(apply(d, remove, 500));
}
