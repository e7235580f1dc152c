#include "core/procedures/mockup_layout.h"

#include "core/utf8.h"

#include <algorithm>

namespace ts::procedures {
namespace {

using K = Box::Kind;
using T = Element::Type;

class Layout {
  public:
    Layout(const MockupMetrics& m, Mockup& out)
        : m_(m), out_(out), fs_(m.fontSize), lh_(m.fontSize * 1.35f) {}

    void screen(const Screen& s, float width) {
        const std::size_t window = add(K::Window, {});
        float y = 0;
        add(K::TitleBar, {0, y, width, lh_ * 1.6f}, s.title);
        y += lh_ * 1.6f;
        if (!s.address.empty()) {
            add(K::AddressBar, {0, y, width, lh_ * 1.5f}, s.address);
            y += lh_ * 1.5f;
        }
        if (!s.menu.empty()) {
            const float h = lh_ * 1.7f;
            add(K::MenuBar, {0, y, width, h});
            float x = fs_;
            for (const Item& it : s.menu) {
                const float w = textWidth(it.label) + fs_ * 1.4f;
                item(K::MenuItem, it, {x, y + lh_ * 0.2f, w, h - lh_ * 0.4f});
                x += w + fs_ * 0.3f + markRoom(it.mark);
            }
            y += h;
        }
        if (!s.tabs.empty()) {
            y += fs_ * 0.6f;
            const float h = lh_ * 1.5f;
            add(K::TabStrip, {0, y + h - 1, width, 1});
            float x = fs_;
            for (const Item& it : s.tabs) {
                const float w = textWidth(it.label) + fs_ * 1.6f;
                item(K::Tab, it, {x, y, w, h});
                x += w + fs_ * 0.2f + markRoom(it.mark);
            }
            y += h;
        }
        y += fs_ * 0.8f;
        float bodyX = fs_, sideBottom = y;
        std::size_t side = 0;
        if (!s.sidebar.empty()) {
            float sw = 0;
            for (const Item& it : s.sidebar) sw = std::max(sw, textWidth(it.label));
            sw = std::min(width * 0.3f, sw + fs_ * 2);
            side = add(K::Sidebar, {0, y - fs_ * 0.8f, sw, 0});
            float iy = y;
            for (const Item& it : s.sidebar) {
                iy += markRoomAbove(it.mark);
                // A long entry wraps: one box holds its lines, '\n' between them.
                const std::vector<std::string> ls = wrap(it.label, sw - fs_ * 2, 1.0f);
                std::string text = ls[0];
                for (std::size_t i = 1; i < ls.size(); ++i) text += "\n" + ls[i];
                const Rect r{fs_ * 0.4f, iy, sw - fs_ * 0.8f, lh_ * (0.5f + static_cast<float>(ls.size()))};
                add(K::SidebarItem, r, std::move(text), it.active);
                mark(r, it.mark);
                iy += r.h + lh_ * 0.1f;
            }
            sideBottom = iy;
            bodyX = sw + fs_;
        }
        const float bodyW = std::max(width - bodyX - fs_, fs_ * 4);
        for (const Element& e : s.body) y += stacked(e, bodyX, y, bodyW);
        const float height = std::max(y, sideBottom) + fs_ * 0.6f;
        if (side) out_.boxes[side].rect.h = height - out_.boxes[side].rect.y;
        out_.boxes[window].rect = {0, 0, width, height};
        out_.width = width;
        out_.height = height;
        for (Box& b : marks_) out_.boxes.push_back(std::move(b));
    }

  private:
    std::size_t add(K kind, Rect r, std::string text = {}, bool active = false) {
        Box b;
        b.kind = kind;
        b.rect = r;
        b.text = std::move(text);
        b.active = active;
        out_.boxes.push_back(std::move(b));
        return out_.boxes.size() - 1;
    }

    void item(K kind, const Item& it, Rect r) {
        add(kind, r, it.label, it.active);
        mark(r, it.mark);
    }

    // The outline goes with the elements; the numbered circles are painted last, over everything.
    void mark(Rect r, int n) {
        if (n <= 0) return;
        const float pad = 3;
        add(K::Highlight, {r.x - pad, r.y - pad, r.w + pad * 2, r.h + pad * 2});
        const float d = lh_ * 1.05f;
        Box b;
        b.kind = K::Mark;
        b.rect = {r.right() + pad - d * 0.5f, r.y - pad - d * 0.5f, d, d};
        b.rect.x = std::max(0.0f, b.rect.x);
        b.rect.y = std::max(0.0f, b.rect.y);
        b.number = n;
        b.text = std::to_string(n);
        marks_.push_back(std::move(b));
    }

    // A mark's circle sits on the outline's top-right corner, half outside: a marked element keeps
    // this much more room from the next one beside it at its right...
    float markRoom(int mark) const { return mark > 0 ? lh_ * 0.7f : 0; }
    // ...and this much from the one stacked above it.
    float markRoomAbove(int mark) const { return mark > 0 ? lh_ * 0.55f : 0; }

    // One of the elements stacked in the body or a dialog; returns the height it takes with the
    // gap below it.
    float stacked(const Element& e, float x, float y, float w) {
        float above = markRoomAbove(e.mark);
        if (e.type == T::Row)
            for (const Element& c : e.children) above = std::max(above, markRoomAbove(c.mark));
        return above + place(e, x, y + above, w) + fs_ * 0.6f;
    }

    float textWidth(std::string_view t, float scale = 1.0f) const { return m_.textWidth(t, fs_ * scale); }

    std::vector<std::string> wrap(const std::string& text, float width, float scale) const {
        std::vector<std::string> lines;
        std::string line;
        std::size_t i = 0;
        while (i <= text.size()) {
            const std::size_t sp = std::min(text.find(' ', i), text.size());
            const std::string word = text.substr(i, sp - i);
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (!line.empty() && textWidth(candidate, scale) > width) {
                lines.push_back(line);
                line = word;
            } else {
                line = candidate;
            }
            i = sp + 1;
        }
        if (!line.empty() || lines.empty()) lines.push_back(line);
        return lines;
    }

    // The width an element takes when it sits beside others (in a row or a table cell).
    float natural(const Element& e) const {
        switch (e.type) {
        case T::Heading:
            return textWidth(e.label, 1.15f);
        case T::Text:
        case T::Link:
            return textWidth(e.label);
        case T::Field:
        case T::Select:
            return std::max(textWidth(e.label), inputWidth(e));
        case T::Checkbox:
            return lh_ + fs_ * 0.5f + textWidth(e.label);
        case T::Button:
            return textWidth(e.label) + fs_ * 2;
        case T::Icon:
            return lh_ * 1.3f + (e.label.empty() ? 0 : fs_ * 0.4f + textWidth(e.label));
        case T::Row: {
            float w = 0;
            for (const Element& c : e.children) w += natural(c) + fs_ + markRoom(c.mark);
            return w;
        }
        case T::Table:
        case T::Dialog:
            return fs_ * 30;
        }
        return 0;
    }

    // A field's or drop-down's box: room for its value, and a drop-down's arrow.
    float inputWidth(const Element& e) const {
        return std::max(fs_ * 14, textWidth(e.value) + fs_ * (e.type == T::Select ? 3.9f : 2.5f));
    }

    float lines(K kind, const std::string& text, float x, float y, float w, float scale) {
        float h = 0;
        for (const std::string& l : wrap(text, w, scale)) {
            add(kind, {x, y + h, std::min(w, textWidth(l, scale)), lh_ * scale}, l);
            h += lh_ * scale;
        }
        return h;
    }

    // Places one element with its top-left at (x, y) within `w`; returns its height.
    float place(const Element& e, float x, float y, float w) {
        Rect r{x, y, 0, 0};
        switch (e.type) {
        case T::Heading:
            r.h = lines(K::Heading, e.label, x, y, w, 1.15f);
            r.w = std::min(w, textWidth(e.label, 1.15f));
            break;
        case T::Text:
            r.h = lines(K::Text, e.label, x, y, w, 1.0f);
            r.w = std::min(w, textWidth(e.label));
            break;
        case T::Field:
        case T::Select: {
            add(K::Label, {x, y, std::min(w, textWidth(e.label)), lh_}, e.label);
            const float bw = std::min(w, inputWidth(e));
            add(e.type == T::Field ? K::Input : K::Select, {x, y + lh_, bw, lh_ * 1.5f}, e.value,
                e.type == T::Field && e.flag);
            r.w = std::max(bw, std::min(w, textWidth(e.label)));
            r.h = lh_ * 2.5f;
            break;
        }
        case T::Checkbox: {
            const float s = lh_ * 0.85f;
            add(K::Checkbox, {x, y + (lh_ - s) / 2, s, s}, {}, e.flag);
            add(K::Label, {x + s + fs_ * 0.5f, y, textWidth(e.label), lh_}, e.label);
            r.w = natural(e);
            r.h = lh_;
            break;
        }
        case T::Button:
            r.w = std::min(w, natural(e));
            r.h = lh_ * 1.5f;
            add(K::Button, r, e.label, e.flag);
            break;
        case T::Link:
            r.w = std::min(w, textWidth(e.label));
            r.h = lh_;
            add(K::Link, r, e.label);
            break;
        case T::Icon: {
            const float s = lh_ * 1.3f;
            Box& b = out_.boxes[add(K::Icon, {x, y, s, s})];
            b.icon = e.value;
            if (!e.label.empty())
                add(K::Label, {x + s + fs_ * 0.4f, y + (s - lh_) / 2, textWidth(e.label), lh_}, e.label);
            r.w = natural(e);
            r.h = s;
            break;
        }
        case T::Row:
            r = row(e, x, y, w);
            break;
        case T::Table:
            r = table(e, x, y, w);
            break;
        case T::Dialog:
            r = dialog(e, x, y, w);
            break;
        }
        mark(r, e.mark);
        return r.h;
    }

    // Children side by side, top-aligned; those that do not fit move to the next line. From the
    // first child with "align": "right" on, a line's children sit at its right edge (a portal's
    // button "on the right").
    Rect row(const Element& e, float x, float y, float w) {
        Rect r{x, y, 0, 0};
        std::size_t i = 0;
        while (i < e.children.size()) {
            // The line's children: as many as fit, at least one.
            std::size_t end = i;
            float lineW = 0, above = 0;
            for (; end < e.children.size(); ++end) {
                const Element& c = e.children[end];
                const float add =
                    std::min(natural(c), w) + (end > i ? fs_ + markRoom(e.children[end - 1].mark) : 0);
                if (end > i && lineW + add > w) break;
                lineW += add;
                above = std::max(above, markRoomAbove(c.mark));
            }
            const float top = i == 0 ? y : r.bottom() + fs_ * 0.6f + above;
            std::size_t rightFrom = end;
            float rightW = 0; // the right-aligned children's width, their marks' room included
            for (std::size_t k = i; k < end; ++k) {
                if (rightFrom == end && e.children[k].right) rightFrom = k;
                if (rightFrom == end) continue;
                const Element& c = e.children[k];
                rightW += std::min(natural(c), w) + markRoom(c.mark) + (k > rightFrom ? fs_ : 0);
            }
            if (rightFrom < end) lineW = w;
            float cx = x, lineH = 0;
            for (; i < end; ++i) {
                const Element& c = e.children[i];
                const float cw = std::min(natural(c), w);
                if (i == rightFrom) cx = std::max(cx, x + w - rightW);
                lineH = std::max(lineH, place(c, cx, top, cw));
                cx += cw + fs_ + markRoom(c.mark);
            }
            r.w = std::max(r.w, lineW);
            r.h = top + lineH - y;
        }
        return r;
    }

    // The text of a table's header or cell box, its first line at `top`: the box's own text when it
    // fits in one line, else labels one under another (the box's text left empty); a marked text
    // leaves room for its mark. Returns the lines' extent.
    Rect cellText(std::size_t box, const std::string& text, float top, int mark = 0) {
        const Rect b = out_.boxes[box].rect;
        const float x = b.x + fs_ * 0.6f, room = b.w - fs_ * 1.2f - markRoom(mark);
        const std::vector<std::string> ls = wrap(text, room, 1.0f);
        Rect r{x, top, 0, lh_ * static_cast<float>(ls.size())};
        for (const std::string& l : ls) r.w = std::max(r.w, std::min(room, textWidth(l)));
        if (ls.size() == 1)
            out_.boxes[box].text = text;
        else
            for (std::size_t i = 0; i < ls.size(); ++i)
                add(K::Label, {x, top + lh_ * static_cast<float>(i), std::min(room, textWidth(ls[i])), lh_},
                    ls[i]);
        return r;
    }

    // Columns as wide as their content, narrowed in proportion when the table does not fit; texts
    // that then do not fit their column wrap and their row grows.
    Rect table(const Element& e, float x, float y, float w) {
        const std::size_t n = e.columns.size();
        std::vector<float> cw(n);
        float total = 0;
        for (std::size_t c = 0; c < n; ++c) {
            cw[c] = textWidth(e.columns[c]) + fs_ * 1.2f;
            for (const auto& row : e.rows)
                cw[c] = std::max(cw[c], (row[c].type == T::Text ? textWidth(row[c].label) : natural(row[c])) +
                                            fs_ * 1.2f + markRoom(row[c].mark));
            total += cw[c];
        }
        if (total > w)
            for (float& v : cw) v *= w / total;
        const float rowH = lh_ * 1.6f;
        float headH = rowH;
        for (std::size_t c = 0; c < n; ++c)
            headH = std::max(
                headH, lh_ * (0.6f + static_cast<float>(wrap(e.columns[c], cw[c] - fs_ * 1.2f, 1).size())));
        float cx = x;
        for (std::size_t c = 0; c < n; ++c) {
            const std::size_t head = add(K::TableHeader, {cx, y, cw[c], headH});
            const float lines = static_cast<float>(wrap(e.columns[c], cw[c] - fs_ * 1.2f, 1).size());
            cellText(head, e.columns[c], y + (headH - lh_ * lines) / 2);
            cx += cw[c];
        }
        float cy = y + headH;
        for (const auto& row : e.rows) {
            cx = x;
            const std::size_t first = out_.boxes.size();
            float h = rowH;
            for (std::size_t c = 0; c < n; ++c) {
                const Element& el = row[c];
                const std::size_t cell = add(K::TableCell, {cx, cy, cw[c], rowH});
                if (el.type == T::Text) {
                    const Rect t = cellText(cell, el.label, cy + lh_ * 0.3f, el.mark);
                    mark(t, el.mark);
                    h = std::max(h, t.h + lh_ * 0.6f);
                } else {
                    h = std::max(h, place(el, cx + fs_ * 0.6f, cy + lh_ * 0.15f, cw[c] - fs_ * 1.2f) +
                                        lh_ * 0.3f);
                }
                cx += cw[c];
            }
            for (std::size_t b = first; b < out_.boxes.size(); ++b)
                if (out_.boxes[b].kind == K::TableCell) out_.boxes[b].rect.h = h;
            cy += h;
        }
        return {x, y, cx - x, cy - y};
    }

    Rect dialog(const Element& e, float x, float y, float w) {
        const float dx = x + w * 0.06f, dw = w * 0.88f;
        const std::size_t frame = add(K::Dialog, {dx, y, dw, 0});
        add(K::DialogTitle, {dx, y, dw, lh_ * 1.5f}, e.label);
        float cy = y + lh_ * 1.5f + fs_ * 0.8f;
        for (const Element& c : e.children) cy += stacked(c, dx + fs_, cy, dw - fs_ * 2);
        const Rect r{dx, y, dw, cy - y + fs_ * 0.4f};
        out_.boxes[frame].rect = r;
        return r;
    }

    const MockupMetrics& m_;
    Mockup& out_;
    float fs_, lh_;
    std::vector<Box> marks_;
};

} // namespace

Mockup layoutScreen(const Screen& screen, float width, const MockupMetrics& metrics) {
    Mockup m;
    Layout(metrics, m).screen(screen, width);
    return m;
}

// Ems per code point as wide as DejaVu Sans (the app's font, and the widest of the usual
// sans-serif fonts, so boxes fit in any of them): most letters about 0.62 em, capitals and wide
// letters more, a space and punctuation much less.
float estimateTextWidth(std::string_view text, float size) {
    constexpr std::u32string_view narrow = U" .,:;!|'ilj()[]";
    constexpr std::u32string_view wide = U"мшщжюыфMWmw@";
    float em = 0;
    for (char32_t c : utf8Decode(text)) {
        const bool capital = (c >= U'A' && c <= U'Z') || (c >= U'А' && c <= U'Я') || c == U'Ё';
        if (narrow.find(c) != std::u32string_view::npos)
            em += 0.33f;
        else if (capital || wide.find(c) != std::u32string_view::npos)
            em += 0.78f;
        else
            em += 0.62f;
    }
    return em * size;
}

} // namespace ts::procedures
