#include "platform/native/memory_dav.h"

namespace ts {

void MemoryDav::write(const std::string& name, crypto::Bytes bytes) {
    files[name] = File{std::move(bytes), "\"" + std::to_string(nextEtag_++) + "\"", waitedMillis};
}

void MemoryDav::get(const std::string& name, Done done) {
    ++gets;
    if (unreachable) return done(team::DavResponse{0, {}, {}});
    if (failWith) return done(team::DavResponse{failWith, {}, {}});
    const auto it = files.find(name);
    if (it == files.end()) return done(team::DavResponse{404, {}, {}});
    const bool fresh = weakAfterWrite && waitedMillis - it->second.writtenAt < 1000;
    done(team::DavResponse{200, (fresh ? "W/" : "") + it->second.etag, it->second.bytes});
}

void MemoryDav::put(const std::string& name, crypto::Bytes body, std::optional<std::string> ifMatch,
                    Done done) {
    ++puts;
    if (unreachable) return done(team::DavResponse{0, {}, {}});
    if (failWith) return done(team::DavResponse{failWith, {}, {}});
    if (failPuts > 0) {
        --failPuts;
        return done(team::DavResponse{failPutStatus, {}, {}});
    }
    if (beforePut) beforePut(name);
    const auto it = files.find(name);
    const bool holds = ifMatch ? it != files.end() && it->second.etag == *ifMatch : it == files.end();
    if (!holds) {
        ++preconditionFailed;
        return done(team::DavResponse{412, {}, {}});
    }
    const bool created = it == files.end();
    write(name, std::move(body));
    done(team::DavResponse{created ? 201 : 204, {}, {}}); // like Apache: no ETag on a PUT's answer
}

void MemoryDav::wait(int ms, std::function<void()> then) {
    waitedMillis += ms;
    then();
}

void MemoryDav::mkcol(Done done) {
    if (unreachable) return done(team::DavResponse{0, {}, {}});
    if (failWith) return done(team::DavResponse{failWith, {}, {}});
    const bool existed = folder;
    folder = true;
    done(team::DavResponse{existed ? 405 : 201, {}, {}});
}

} // namespace ts
