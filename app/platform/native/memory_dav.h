// An in-memory WebDAV folder for native tests of the team sync, answering at once, with the
// failures a real server and network produce on demand: a colleague writing between our read and
// our write (412), a wrong login (401), no permission (403), a full disk (507), no answer at all.
#pragma once

#include "core/team/dav_client.h"

#include <functional>
#include <map>
#include <string>

namespace ts {

class MemoryDav : public team::DavClient {
  public:
    struct File {
        crypto::Bytes bytes;
        std::string etag;
        int writtenAt = 0; // waitedMillis when written
    };

    void get(const std::string& name, Done done) override;
    void put(const std::string& name, crypto::Bytes body, std::optional<std::string> ifMatch,
             Done done) override;
    void mkcol(Done done) override;
    void wait(int ms, std::function<void()> then) override;

    // Writes as another client would (no condition), giving the file a new ETag.
    void write(const std::string& name, crypto::Bytes bytes);

    std::map<std::string, File> files;
    bool folder = false;
    bool unreachable = false; // every request: status 0
    int failWith = 0;         // when not 0: every request answers this status
    int failPuts = 0;         // the next N PUTs answer failPutStatus, storing nothing
    int failPutStatus = 507;
    // Called before a PUT is judged: a colleague's write slipped in between (return true to have
    // it happen: the hook should call write()). Called again on every PUT while it returns true.
    std::function<bool(const std::string& name)> beforePut;
    // Like Apache: a file written less than a second ago (by the fake's own clock, advanced by wait())
    // has a weak ETag, and If-Match on a weak ETag always fails.
    bool weakAfterWrite = false;
    int gets = 0, puts = 0, preconditionFailed = 0, waitedMillis = 0;

  private:
    int nextEtag_ = 1;
};

} // namespace ts
