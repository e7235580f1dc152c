#include "platform/web/web_keepass_module.h"

#include <emscripten.h>
#include <map>
#include <sodium.h>

extern "C" {
// web/library_kdbx.js
void ts_kdbx_call(int id, const std::uint8_t* request, std::size_t len);
int ts_kdbx_loaded();
}

namespace ts {
namespace {

struct Pending {
    WebKeePassModule* owner;
    KeePassModule::Done done;
};
std::map<int, Pending> g_pending;
int g_nextId = 1;

} // namespace

WebKeePassModule::~WebKeePassModule() {
    std::erase_if(g_pending, [this](const auto& entry) { return entry.second.owner == this; });
}

void WebKeePassModule::call(crypto::SecretBytes request, Done done) {
    const int id = g_nextId++;
    g_pending.emplace(id, Pending{this, std::move(done)});
    ts_kdbx_call(id, request.data(), request.size()); // copied at once; `request` is wiped when dropped
}

bool WebKeePassModule::loaded() const {
    return ts_kdbx_loaded() != 0;
}

} // namespace ts

extern "C" {

// `reply` belongs to JavaScript, which wipes and frees it when this returns; null: no module.
EMSCRIPTEN_KEEPALIVE void ts_kdbx_on_reply(int id, const std::uint8_t* reply, std::size_t len) {
    auto it = ts::g_pending.find(id);
    if (it == ts::g_pending.end()) return;
    ts::Pending request = std::move(it->second);
    ts::g_pending.erase(it);
    std::optional<ts::crypto::SecretBytes> bytes;
    if (reply) bytes.emplace(reply, reply + len);
    auto activity = request.owner->onActivity;
    request.done(std::move(bytes));
    if (activity) activity();
}
}
