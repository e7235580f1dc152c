#include "ui/step_pictures.h"

#include "core/images/base64.h"
#include "core/images/image.h"
#include "core/vault/session.h"
#include "platform/file_picker.h"
#include "platform/textures.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>

namespace ts::ui {
namespace {

// Big enough to read a portal screen, small enough that a vault of pictures stays quick to save.
constexpr int kMaxSide = 1600;
constexpr int kJpegQuality = 85;

// `ui` is the context of the frame that asked for the file, kept for its place: the answer is said
// on the step where the button was.
void Attach(UiContext& ui, const std::string& procedure, const std::string& step, const PickedFile& file) {
    Services& services = ui.services;
    if (services.session.state() != vault::Session::State::Unlocked) return; // locked while picking
    if (file.tooLarge) return ui.tell(Str::ErrImageTooLarge, true, file.name);
    Str error = Str::ErrImageDamaged;
    const std::optional<images::Image> picture = images::decode(file.bytes, error);
    if (!picture) return ui.tell(error, true, file.name);
    const images::Image small = images::fitWithin(*picture, kMaxSide, kMaxSide);
    const std::vector<std::uint8_t> jpeg = images::encodeJpeg(small, kJpegQuality);
    services.session.submit(
        vault::change::SetAttachment{procedure, step, images::toBase64(jpeg), small.width, small.height});
    ui.tellWithSave(Str::MsgPictureAttached);
}

} // namespace

void StepPictures::Wipe() {
    for (const Shown& s : shown_)
        if (textures_) textures_->release(s.texture);
    shown_.clear();
}

std::uintptr_t StepPictures::TextureFor(UiContext& ui, const std::string& procedure, const std::string& step,
                                        std::int64_t addedAt) {
    textures_ = ui.services.textures;
    auto it = std::find_if(shown_.begin(), shown_.end(),
                           [&](const Shown& s) { return s.procedure == procedure && s.step == step; });
    if (it != shown_.end() && it->addedAt == addedAt) return it->texture;
    if (it != shown_.end()) { // replaced since: drop the old picture
        textures_->release(it->texture);
        shown_.erase(it);
    }
    const vault::Attachment* a = ui.services.session.data().attachment(procedure, step);
    const auto bytes = a ? images::fromBase64(a->jpeg) : std::nullopt;
    Str error = Str::ErrImageDamaged;
    const auto picture = bytes ? images::decode(*bytes, error) : std::nullopt;
    const std::uintptr_t texture =
        picture ? textures_->upload(picture->rgba.data(), picture->width, picture->height) : 0;
    shown_.push_back(Shown{procedure, step, addedAt, texture});
    return texture;
}

void StepPictures::Draw(UiContext& ui, const std::string& procedure, const std::string& step) {
    vault::Session& session = ui.services.session;
    if (!ui.services.files || !ui.services.textures) return;
    if (session.state() != vault::Session::State::Unlocked) {
        TextMuted(ui, ui.t(Str::PictureNeedsVault));
        return;
    }
    // The buttons first, the picture under them: a tall picture must not push them out of reach.
    const vault::Attachment* a = session.data().attachment(procedure, step);
    if (a) {
        ImGui::AlignTextToFramePadding();
        Text(ui, ui.t(Str::PictureTitle), ui.fonts.heading);
        ImGui::SameLine();
    }
    if (Button(ui, a ? Str::ButtonReplacePicture : Str::ButtonAttachPicture, ("attach-" + step).c_str(),
               !session.saving())) {
        UiContext at = ui; // references to what App owns, and the place: valid when the answer comes
        ui.services.files->pick("image/png,image/jpeg",
                                [at, procedure, step](std::optional<PickedFile> f) mutable {
                                    if (f) Attach(at, procedure, step, *f);
                                });
    }
    ImGui::SameLine();
    if (!a) {
        ImGui::AlignTextToFramePadding();
        TextMuted(ui, ui.t(Str::PictureHint));
        return;
    }
    if (Button(ui, Str::ButtonRemovePicture, ("detach-" + step).c_str(), !session.saving())) {
        session.submit(vault::change::RemoveAttachment{procedure, step});
    }
    const float w = std::min(ImGui::GetContentRegionAvail().x - 20.0f, static_cast<float>(a->width));
    const float h = w * static_cast<float>(a->height) / static_cast<float>(a->width);
    ImGui::InvisibleButton(("###picture-" + step).c_str(), ImVec2(w, h));
    ui.seam.describeLast(ui.t(Str::PictureTitle), std::to_string(a->width) + "x" + std::to_string(a->height));
    if (const std::uintptr_t tex = TextureFor(ui, procedure, step, a->addedAt))
        ImGui::GetWindowDrawList()->AddImage(reinterpret_cast<ImTextureID>(tex), ImGui::GetItemRectMin(),
                                             ImGui::GetItemRectMax());
    else
        ErrorText(ui, Str::ErrImageDamaged);
}

} // namespace ts::ui
