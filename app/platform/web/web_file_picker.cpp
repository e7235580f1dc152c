#include "platform/web/web_file_picker.h"

#include <emscripten.h>
#include <iterator>
#include <map>
#include <string>

extern "C" {
// web/library_file_picker.js
void ts_file_pick(int id, const char* accept);
}

namespace ts {
namespace {

using Done = std::function<void(std::optional<PickedFile>)>;

// Requests waiting for JavaScript, by id. Each owns its callback until the answer arrives; a
// picker's destructor removes its own, so a late answer finds nothing and is ignored.
struct Pending {
    WebFilePicker* owner;
    Done done;
};
std::map<int, Pending> g_pending;
int g_nextId = 1;

} // namespace

WebFilePicker::~WebFilePicker() {
    std::erase_if(g_pending, [this](const auto& entry) { return entry.second.owner == this; });
}

void WebFilePicker::pick(std::string_view accept, Done done) {
    const int id = g_nextId++;
    g_pending.emplace(id, Pending{this, std::move(done)});
    ts_file_pick(id, std::string(accept).c_str());
}

} // namespace ts

extern "C" {

// `bytes` belongs to JavaScript and is freed when this returns: copy it.
EMSCRIPTEN_KEEPALIVE void ts_file_picker_on_picked(int id, int ok, const std::uint8_t* bytes, std::size_t len,
                                                   const char* name) {
    auto it = ts::g_pending.find(id);
    if (it == ts::g_pending.end()) return;
    ts::Pending request = std::move(it->second);
    ts::g_pending.erase(it); // before the callback: it may pick again
    std::optional<ts::PickedFile> file;
    if (ok) { // 1: the file; 2: a file over the limit, not read
        file.emplace();
        file->name = name ? name : "";
        file->tooLarge = ok == 2;
        if (bytes && len && !file->tooLarge) file->bytes.assign(bytes, bytes + len);
    }
    // Copied first: the callback may destroy the picker.
    auto activity = request.owner->onActivity;
    request.done(std::move(file));
    if (activity) activity();
}
}
