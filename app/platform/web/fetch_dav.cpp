#include "platform/web/fetch_dav.h"

#include <emscripten.h>
#include <memory>
#include <sodium.h>

extern "C" {
// web/library_dav.js
void ts_dav_request(void* user, const char* method, const char* url, const char* authorization,
                    const char* ifMatch, int ifNoneMatch, const std::uint8_t* body, std::size_t bodyLen);
}

namespace ts {
namespace {

struct Pending {
    team::DavClient::Done done;
    std::function<void()> activity;
};

} // namespace

bool FetchDav::setFolder(std::string folder) {
    const bool http = folder.rfind("https://", 0) == 0 || folder.rfind("http://", 0) == 0;
    const std::size_t hostStart = folder.find("//") + 2;
    const std::size_t hostEnd = folder.find('/', hostStart);
    const bool userinfo = folder.substr(hostStart, hostEnd - hostStart).find('@') != std::string::npos;
    if (!http || userinfo || hostEnd == std::string::npos) return false;
    if (folder.back() != '/') folder += '/';
    folder_ = std::move(folder);
    return true;
}

void FetchDav::setLogin(const crypto::SecretBytes& user, const crypto::SecretBytes& password) {
    crypto::SecretBytes pair(user.begin(), user.end());
    pair.push_back(':');
    pair.insert(pair.end(), password.begin(), password.end());
    const std::size_t length = sodium_base64_encoded_len(pair.size(), sodium_base64_VARIANT_ORIGINAL);
    authorization_.assign(length, 0); // includes the terminating NUL
    sodium_bin2base64(reinterpret_cast<char*>(authorization_.data()), length, pair.data(), pair.size(),
                      sodium_base64_VARIANT_ORIGINAL);
}

void FetchDav::clearLogin() {
    authorization_ = crypto::SecretBytes();
}

void FetchDav::get(const std::string& name, Done done) {
    request("GET", folder_ + name, nullptr, std::nullopt, false, std::move(done));
}

void FetchDav::put(const std::string& name, crypto::Bytes body, std::optional<std::string> ifMatch,
                   Done done) {
    request("PUT", folder_ + name, &body, ifMatch, !ifMatch.has_value(), std::move(done));
}

void FetchDav::mkcol(Done done) {
    request("MKCOL", folder_, nullptr, std::nullopt, false, std::move(done));
}

void FetchDav::wait(int ms, std::function<void()> then) {
    auto* pending = new std::function<void()>(std::move(then));
    emscripten_async_call(
        [](void* user) {
            std::unique_ptr<std::function<void()>> call(static_cast<std::function<void()>*>(user));
            (*call)();
        },
        pending, ms);
}

void FetchDav::request(const char* method, const std::string& url, const crypto::Bytes* body,
                       const std::optional<std::string>& ifMatch, bool ifNoneMatch, Done done) {
    if (folder_.empty()) return done(team::DavResponse{0, {}, {}});
    auto* pending = new Pending{std::move(done), onActivity};
    ts_dav_request(pending, method, url.c_str(),
                   authorization_.empty() ? nullptr : reinterpret_cast<const char*>(authorization_.data()),
                   ifMatch ? ifMatch->c_str() : nullptr, ifNoneMatch ? 1 : 0, body ? body->data() : nullptr,
                   body ? body->size() : 0);
}

} // namespace ts

extern "C" {

EMSCRIPTEN_KEEPALIVE void ts_dav_on_answer(void* user, int status, const char* etag, const std::uint8_t* body,
                                           std::size_t bodyLen) {
    std::unique_ptr<ts::Pending> pending(static_cast<ts::Pending*>(user));
    ts::team::DavResponse r;
    r.status = status;
    r.etag = etag ? etag : "";
    if (body && bodyLen) r.body.assign(body, body + bodyLen);
    pending->done(std::move(r));
    if (pending->activity) pending->activity();
}
}
