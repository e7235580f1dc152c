#include "core/vault/change.h"
#include "core/vault/model_json.h"

#include "core/json_text.h"

#include <algorithm>

namespace ts::vault {

using nlohmann::json;

json toJson(const Attachment& a) {
    json j = a.unknown;
    j["procedure"] = a.procedure;
    j["step"] = a.step;
    j["jpeg"] = a.jpeg;
    j["width"] = a.width;
    j["height"] = a.height;
    j["addedAt"] = a.addedAt;
    return j;
}

bool fromJson(const json& j, Attachment& a) {
    if (!j.is_object()) return false;
    for (const char* k : {"procedure", "step", "jpeg"})
        if (!j.contains(k) || !j[k].is_string()) return false;
    for (const char* k : {"width", "height", "addedAt"})
        if (!j.contains(k) || !j[k].is_number_integer()) return false;
    const std::optional<int> width = intOf(j["width"]), height = intOf(j["height"]);
    if (!width || !height) return false;
    a.procedure = j["procedure"].get<std::string>();
    a.step = j["step"].get<std::string>();
    a.jpeg = j["jpeg"].get<std::string>();
    a.width = *width;
    a.height = *height;
    a.addedAt = j["addedAt"].get<std::int64_t>();
    a.unknown = takeUnknown(j, {"procedure", "step", "jpeg", "width", "height", "addedAt"});
    return !a.procedure.empty() && !a.step.empty();
}

const Attachment* Data::attachment(std::string_view procedure, std::string_view step) const {
    for (const Attachment& a : attachments)
        if (a.procedure == procedure && a.step == step) return &a;
    return nullptr;
}

namespace {

auto findAttachment(Data& data, const std::string& procedure, const std::string& step) {
    return std::find_if(data.attachments.begin(), data.attachments.end(),
                        [&](const Attachment& a) { return a.procedure == procedure && a.step == step; });
}

} // namespace

bool apply(Data& data, const change::RemoveAttachment& c, std::int64_t) {
    const auto it = findAttachment(data, c.procedure, c.step);
    if (it == data.attachments.end()) return false;
    data.attachments.erase(it);
    return true;
}

bool apply(Data& data, const change::SetAttachment& c, std::int64_t now) {
    if (c.procedure.empty() || c.step.empty() || c.jpeg.empty() || c.width <= 0 || c.height <= 0)
        return false;
    Attachment a{c.procedure, c.step, c.jpeg, c.width, c.height, now, json::object()};
    const auto it = findAttachment(data, c.procedure, c.step);
    if (it != data.attachments.end()) { // a new picture replaces the step's old one
        a.unknown = it->unknown;
        *it = std::move(a);
    } else {
        data.attachments.push_back(std::move(a));
    }
    return true;
}

} // namespace ts::vault
