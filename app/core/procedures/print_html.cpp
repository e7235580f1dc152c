// The printable handout of a procedure: the page (CSS, header, steps, quiz, footer). Each step's
// screen is an inline SVG from screen_svg, which paints the shared mock-up layout.
#include "core/procedures/print_html.h"

#include "core/procedures/screen_svg.h"

namespace ts::procedures {
namespace {

std::string esc(std::string_view s) {
    return escapeMarkup(s);
}

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

constexpr const char* kCss = R"(
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 11pt;
  line-height: 1.45; color: #1f2933; max-width: 190mm; margin: 0 auto; padding: 10mm 4mm; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 6pt; }
h2 { font-size: 13.5pt; line-height: 1.25; margin: 14pt 0 5pt; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 6pt; padding-left: 1.3em; }
.system { color: #52606d; font-size: 10pt; margin-bottom: 2pt; }
.summary { font-size: 11.5pt; }
.warn { border-left: 4px solid #d9480f; background: #fff4e6; padding: 5pt 9pt; margin: 6pt 0; }
.warn strong { color: #c2410c; }
ul.notes { list-style: none; padding: 0; }
ul.notes li { margin: 0 0 5pt; }
ul.notes li:not(.warn) { border-left: 4px solid #9fb3c8; padding: 0 9pt; }
.step { break-inside: avoid; page-break-inside: avoid; border-top: 1.5px solid #cbd2d9;
  margin-top: 16pt; padding-top: 10pt; }
.step-no { color: #52606d; font-size: 9.5pt; font-weight: 700; letter-spacing: .06em;
  text-transform: uppercase; margin: 0; }
.step h2 { margin-top: 2pt; }
.fills .chip { display: inline-block; border: 1px solid #9fb3c8; border-radius: 3pt; background: #f0f4f8;
  padding: 0 5pt; margin: 0 3pt 2pt 0; }
figure.screen { margin: 8pt 0 0; }
figure.screen svg { display: block; width: 100%; height: auto; }
ol.callouts { list-style: none; padding: 0; margin: 7pt 0 0; }
ol.callouts li { display: flex; gap: 7pt; align-items: baseline; margin: 0 0 4pt; }
.num { flex: none; display: inline-block; width: 1.7em; height: 1.7em; line-height: 1.7em;
  border-radius: 50%; background: #e87600; color: #fff; font-size: 9pt; font-weight: 700;
  text-align: center; }
.quiz { break-before: page; page-break-before: always; }
.quiz > ol { padding-left: 1.3em; }
.question { break-inside: avoid; page-break-inside: avoid; margin: 0 0 12pt; }
.question > p:first-child { font-weight: 700; }
ol.options { list-style: lower-alpha; margin: 0 0 5pt; }
ol.options li.right { font-weight: 700; }
ol.options li.right::marker { color: #2b8a3e; }
ol.options li.right::after { content: " \2713"; color: #2b8a3e; }
.answer { background: #ebfbee; border-left: 4px solid #2b8a3e; padding: 4pt 9pt; margin: 0; }
footer { border-top: 1px solid #cbd2d9; color: #52606d; font-size: 9pt; margin-top: 20pt; padding-top: 6pt; }
)";

void list(std::string& out, Str heading, const std::vector<Text>& items, Lang lang) {
    if (items.empty()) return;
    out += "<h2>" + esc(tr(heading, lang)) + "</h2>\n<ul>\n";
    for (const Text& t : items) out += "<li>" + esc(t.in(lang)) + "</li>\n";
    out += "</ul>\n";
}

void step(std::string& out, const Procedure& p, std::size_t index, const kinds::Kind* kind, Lang lang) {
    const Step& s = p.steps[index];
    std::string no(tr(Str::PrintStep, lang));
    replaceAll(no, "{n}", std::to_string(index + 1));
    replaceAll(no, "{total}", std::to_string(p.steps.size()));

    out += "<section class=\"step\" id=\"step-" + esc(s.id) + "\">\n";
    out += "<p class=\"step-no\">" + esc(no) + "</p>\n";
    out += "<h2>" + esc(s.title.in(lang)) + "</h2>\n";
    out += "<p>" + esc(s.text.in(lang)) + "</p>\n";
    if (!s.warning.in(lang).empty())
        out += "<p class=\"warn\"><strong>" + esc(tr(Str::PrintWarning, lang)) + ":</strong> " +
               esc(s.warning.in(lang)) + "</p>\n";
    if (!s.fills.empty()) {
        out += "<p class=\"fills\"><strong>" + esc(tr(Str::PrintFills, lang)) + ":</strong> ";
        for (const std::string& id : s.fills) {
            const kinds::Field* f = kind ? kind->field(id) : nullptr;
            out += "<span class=\"chip\">" + esc(f ? f->label.in(lang) : id) + "</span>";
        }
        out += "</p>\n";
    }
    out += "<figure class=\"screen\">\n" + screenSvg(s.screen) + "\n";
    if (!s.screen.callouts.empty()) {
        out += "<ol class=\"callouts\">\n";
        for (std::size_t i = 0; i < s.screen.callouts.size(); ++i)
            out += "<li><span class=\"num\">" + std::to_string(i + 1) + "</span><span>" +
                   esc(s.screen.callouts[i].in(lang)) + "</span></li>\n";
        out += "</ol>\n";
    }
    out += "</figure>\n</section>\n";
}

void quiz(std::string& out, const std::vector<Question>& questions, Lang lang) {
    if (questions.empty()) return;
    out += "<section class=\"quiz\">\n<h2>" + esc(tr(Str::PrintQuiz, lang)) + "</h2>\n<ol>\n";
    for (const Question& q : questions) {
        out += "<li class=\"question\">\n<p>" + esc(q.question.in(lang)) + "</p>\n<ol class=\"options\">\n";
        for (std::size_t i = 0; i < q.options.size(); ++i)
            out += std::string(static_cast<int>(i) == q.answer ? "<li class=\"right\">" : "<li>") +
                   esc(q.options[i].in(lang)) + "</li>\n";
        out += "</ol>\n<p class=\"answer\"><strong>" + esc(tr(Str::PrintAnswer, lang)) + ":</strong> ";
        if (q.answer >= 0 && static_cast<std::size_t>(q.answer) < q.options.size()) {
            const std::string& right = q.options[static_cast<std::size_t>(q.answer)].in(lang);
            const bool ends =
                right.ends_with('.') || right.ends_with('?') || right.ends_with('!') || right.ends_with("…");
            out += esc(right) + (ends ? " " : ". ");
        }
        out += esc(q.explain.in(lang)) + "</p>\n</li>\n";
    }
    out += "</ol>\n</section>\n";
}

} // namespace

std::string printableHtml(const Procedure& p, const kinds::Registry& kinds, Lang lang) {
    const kinds::Kind* kind = kinds.find(p.kind);
    std::string out;
    out.reserve(64 * 1024);
    out += "<!doctype html>\n<html lang=\"" + std::string(langCode(lang)) + "\">\n<head>\n";
    out += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\">\n";
    out += "<title>" + esc(p.title.in(lang)) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";

    out += "<header>\n<p class=\"system\">" + esc(tr(Str::PrintSystem, lang)) + ": " +
           esc(p.system.in(lang)) + "</p>\n<h1>" + esc(p.title.in(lang)) + "</h1>\n";
    if (!p.summary.in(lang).empty()) out += "<p class=\"summary\">" + esc(p.summary.in(lang)) + "</p>\n";
    out += "</header>\n<section class=\"intro\">\n";
    list(out, Str::PrintRoles, p.roles, lang);
    list(out, Str::PrintBefore, p.before, lang);
    if (!p.notes.empty()) {
        out += "<h2>" + esc(tr(Str::PrintNotes, lang)) + "</h2>\n<ul class=\"notes\">\n";
        for (const kinds::Note& n : p.notes) {
            if (n.warning)
                out += "<li class=\"warn\"><strong>" + esc(tr(Str::PrintWarning, lang)) + ":</strong> " +
                       esc(n.text.in(lang)) + "</li>\n";
            else
                out += "<li>" + esc(n.text.in(lang)) + "</li>\n";
        }
        out += "</ul>\n";
    }
    out += "</section>\n";

    for (std::size_t i = 0; i < p.steps.size(); ++i) step(out, p, i, kind, lang);
    quiz(out, p.quiz, lang);
    out += "<footer>" + esc(tr(Str::PrintFooter, lang)) + "</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace ts::procedures
