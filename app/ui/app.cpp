#include "ui/app.h"

#include "platform/clipboard.h"
#include "platform/web/gl_window.h"
#include "ui/shell_bars.h"
#include "ui/theme.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <nlohmann/json.hpp>

namespace ts::ui {
namespace {

// ImGui asks for clipboard text when handling Ctrl+V, and hands over text on Ctrl+C / Ctrl+X.
const char* GetClipboard(void* user) {
    return static_cast<Clipboard*>(user)->text().c_str();
}
void SetClipboard(void* user, const char* text) {
    static_cast<Clipboard*>(user)->setText(text);
}

} // namespace

const char* screenName(Screen s) {
    switch (s) {
    case Screen::Home:
        return "home";
    case Screen::Settings:
        return "settings";
    }
    return "?";
}

App::App(Services services, TestSeam& seam) : services_(services), seam_(seam) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // window layout is not worth a file; nothing is written to disk
    io.LogFilename = nullptr;
    io.ClipboardUserData = &services_.clipboard;
    io.GetClipboardTextFn = GetClipboard;
    io.SetClipboardTextFn = SetClipboard;
    ApplyTheme();
    recorder_.attach(ImGui::GetCurrentContext());
    state_.settings = SettingsStore(services_.settingsStore).load();
}

bool App::InputHeld() const {
    const ImGuiIO& io = ImGui::GetIO();
    for (bool down : io.MouseDown)
        if (down) return true;
    // Key repeat is computed by ImGui from frames: keep drawing while a key is held.
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k)
        if (ImGui::IsKeyDown(static_cast<ImGuiKey>(k))) return true;
    return false;
}

void App::Tick(GlWindow& window, double now) {
    FramePacer& pacer = services_.pacer;
    if (window.syncSize()) pacer.wake();
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) pacer.wake();
    if (!pacer.shouldRender(now)) return;

    if (fonts_.ensure(window.dpr())) window.reloadFontTexture();
    window.newFrame();
    ImGui::NewFrame();
    recorder_.beginFrame();
    DrawFrame();
    ImGui::Render();
    window.present();
    ++frames_;

    const ImGuiIO& io = ImGui::GetIO();
    pacer.afterFrame(now, InputHeld(), io.WantTextInput);
    seam_.publish(recorder_.itemsJson(), StateJson(), frames_);
}

void App::DrawFrame() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("TokenSafe###main", nullptr, kFlags);
    ImGui::PushFont(fonts_.body);
    UiContext ui{state_, services_, recorder_, fonts_};
    DrawTopBar(ui);

    ImGui::BeginChild("content", ImVec2(0, -StatusBarHeight()), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground);
    const float maxWidth = 1100.0f; // long lines are hard to read on wide monitors
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > maxWidth) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - maxWidth) / 2);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(std::min(avail, maxWidth));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(avail, maxWidth));
    ImGui::BeginChild("screen", ImVec2(std::min(avail, maxWidth), 0), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground);
    switch (state_.screen) {
    case Screen::Home:
        home_.Draw(ui);
        break;
    case Screen::Settings:
        settings_.Draw(ui);
        break;
    }
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::EndChild();

    DrawStatusBar(ui);
    ImGui::PopFont();
    ImGui::End();
}

std::string App::StateJson() const {
    const nlohmann::json j = {
        {"screen", screenName(state_.screen)},
        {"language", langCode(state_.settings.language)},
        {"message", tr(state_.message.text, state_.settings.language)},
        {"messageIsError", state_.message.error},
        {"locked", true}, // no vault yet: nothing is unlocked
        {"vault", "absent"},
    };
    return j.dump();
}

} // namespace ts::ui
