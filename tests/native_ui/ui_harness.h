// The whole app built natively, frame by frame: ImGui with the app's fonts, the screens, a vault
// session over the in-memory database, and fakes for the window, clipboard and seam. Input goes in
// through ImGui's own queue (mouse moves, clicks, typed characters), as the browser backend feeds
// it; what a test checks is read back from the seam's items and state, as the browser tests do.
#pragma once

#include "core/frame_pacer.h"
#include "core/vault/session.h"
#include "platform/clipboard.h"
#include "platform/native/direct_keepass_module.h"
#include "platform/native/fake_clock.h"
#include "platform/native/fake_file_picker.h"
#include "platform/native/memory_store.h"
#include "platform/native/memory_vault_storage.h"
#include "platform/test_seam.h"
#include "platform/window.h"
#include "ui/app.h"

#include "imgui.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace ts::testing {

// A 1366×768 laptop screen that draws nothing.
class FakeWindow : public Window {
  public:
    float width = 1366, height = 768;
    int presented = 0;
    bool syncSize() override { return false; }
    void newFrame() override {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.DeltaTime = 1.0f / 60;
    }
    void present() override { ++presented; }
    void reloadFontTexture() override {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    float dpr() const override { return 1; }
};

class FakeClipboard : public Clipboard {
  public:
    std::string held;
    void setText(std::string_view text) override { held = text; }
    const std::string& text() const override { return held; }
    void forget() override { held.clear(); }
    void clearIfStill(std::string_view text, std::function<void(ClearResult)> done) override {
        const bool ours = held == text;
        if (ours) held.clear();
        done(ours ? ClearResult::Cleared : ClearResult::NotOurs);
    }
};

class RecordingSeam : public TestSeam {
  public:
    nlohmann::json items = nlohmann::json::array(), state = nlohmann::json::object();
    std::uint64_t frames = 0;
    void publish(std::string itemsJson, std::string stateJson, std::uint64_t f) override {
        items = nlohmann::json::parse(itemsJson);
        state = nlohmann::json::parse(stateJson);
        frames = f;
    }
};

class AppHarness {
  public:
    FakeClock clock;
    MemoryStore settings;
    FakeClipboard clipboard;
    FramePacer pacer;
    MemoryDatabase db;
    MemoryVaultStorage storage{db};
    vault::Session session{storage, clock, crypto::KdfParams::fastForTests()};
    RecordingSeam seam;
    FakeWindow window;
    std::unique_ptr<ui::App> app;
    // What the app asked to run later (platform/web/page_events.h runLater), by due time on `clock`.
    std::multimap<std::int64_t, std::function<void()>> timers;
    FakeFilePicker files;
    DirectKeePassModule keepass;
    std::map<std::string, std::string> downloads; // file name → bytes, as the browser saved them

    AppHarness() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        app = std::make_unique<ui::App>(
            ui::Services{settings,
                         clipboard,
                         pacer,
                         session,
                         clock,
                         {},
                         [this](std::string_view name, std::string_view bytes, const char*) {
                             downloads[std::string(name)] = std::string(bytes);
                             return true;
                         },
                         &files,
                         nullptr,
                         {},
                         false,
                         {},
                         [this](int delayMs, std::function<void()> fn) {
                             timers.emplace(clock.nowMillis() + delayMs, std::move(fn));
                         },
                         &keepass},
            seam);
        session.start();
        settle();
    }
    ~AppHarness() {
        app.reset();
        ImGui::DestroyContext();
    }
    AppHarness(const AppHarness&) = delete;
    AppHarness& operator=(const AppHarness&) = delete;

    // A sixtieth of a second passes, storage answers, and the app draws if a frame is due.
    void frame() {
        clock.advance(16);
        db.runAll();
        app->Tick(window, clock.elapsedMillis() / 1000.0);
    }
    // Time passes with no frame drawn (a hidden tab): only the timers that fall due run.
    void passWithoutFrames(std::int64_t ms) {
        const std::int64_t end = clock.nowMillis() + ms;
        while (!timers.empty() && timers.begin()->first <= end) {
            auto due = timers.extract(timers.begin());
            clock.set(std::max(clock.nowMillis(), due.key()));
            due.mapped()();
            db.runAll();
        }
        clock.set(end);
    }
    // Frames until the app has nothing left to draw (as a browser test waits for the seam).
    void settle(int frames = 12) {
        for (int i = 0; i < frames; ++i) frame();
    }

    // The seam's item with this key (or, without one, this visible label).
    std::optional<nlohmann::json> find(const std::string& keyOrLabel) const {
        for (const auto& i : seam.items)
            if (i.value("key", "") == keyOrLabel) return i;
        for (const auto& i : seam.items)
            if (i.value("label", "") == keyOrLabel) return i;
        return std::nullopt;
    }
    nlohmann::json item(const std::string& keyOrLabel) const {
        const auto i = find(keyOrLabel);
        INFO("no item \"" << keyOrLabel << "\" on screen");
        REQUIRE(i.has_value());
        return *i;
    }

    // A click at the item's visible centre: the pointer moves there, the button goes down and up.
    void click(const std::string& keyOrLabel) {
        const nlohmann::json i = item(keyOrLabel);
        REQUIRE_FALSE(i.value("disabled", false));
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(i["cx"].get<float>(), i["cy"].get<float>());
        frame();
        io.AddMouseButtonEvent(0, true);
        frame();
        io.AddMouseButtonEvent(0, false);
        settle();
    }
    void type(const std::string& utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
        settle();
    }
    void press(ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        frame();
        ImGui::GetIO().AddKeyEvent(key, false);
        settle();
    }
    // A key pressed with Ctrl held, as Ctrl+L.
    void pressWithCtrl(ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, true);
        ImGui::GetIO().AddKeyEvent(ImGuiKey_LeftCtrl, true);
        frame();
        press(key);
        ImGui::GetIO().AddKeyEvent(ImGuiKey_LeftCtrl, false);
        ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, false);
        settle();
    }
    void typeInto(const std::string& key, const std::string& utf8) {
        click(key);
        type(utf8);
    }
    std::string state(const char* name) const { return seam.state.value(name, std::string()); }
};

} // namespace ts::testing
