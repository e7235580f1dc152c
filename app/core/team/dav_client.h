// What the team sync needs of a WebDAV server, and no more: read a file with its ETag, write one only
// if it is still the version read (If-Match) or does not exist yet (If-None-Match: *), and make the
// folder. The browser implements it with fetch (app/platform); tests with an in-memory fake that can
// lose races, refuse logins, fill up and go away.
//
// WARNING: server credentials are the implementation's business and must never reach a log, the
// console or a URL. Nothing here sees them.
#pragma once

#include "core/crypto/crypto.h"

#include <functional>
#include <optional>
#include <string>

namespace ts::team {

struct DavResponse {
    int status = 0;   // HTTP status; 0: no answer (unreachable, offline, refused by the browser)
    std::string etag; // GET: the file's ETag as the server sent it (weak ones included)
    crypto::Bytes body;
};

class DavClient {
  public:
    using Done = std::function<void(DavResponse)>;
    virtual ~DavClient() = default;
    // `name` is a file in the team folder ("manifest.tst"); the folder's address is the client's.
    virtual void get(const std::string& name, Done done) = 0;
    // ifMatch: the ETag read; nullopt: create only (If-None-Match: *). 412 when the condition fails.
    virtual void put(const std::string& name, crypto::Bytes body, std::optional<std::string> ifMatch,
                     Done done) = 0;
    // Creates the team folder (201; 405 when it exists already).
    virtual void mkcol(Done done) = 0;
    // Calls `then` after about `ms` milliseconds, from a later task where there are tasks. Apache
    // gives a file written within the last second a weak ETag and answers 412 to any If-Match on it;
    // a retry has to wait that second out.
    virtual void wait(int ms, std::function<void()> then) {
        (void)ms;
        then();
    }
};

} // namespace ts::team
