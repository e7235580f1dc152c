// team::DavClient over the browser's fetch (web/library_dav.js): the team folder's files with
// conditional PUTs. Every answer arrives in a later JavaScript task; `onActivity` runs after each so
// the app draws the outcome. Not wired into the UI yet (issue 21's next step).
//
// WARNING: the login and password come from the vault and go only into an Authorization header —
// never into the URL (an address with "user:password@" is refused), a log or the console. With no
// login the browser's own credentials for the origin are used (same-origin hosting).
#pragma once

#include "core/crypto/secret.h"
#include "core/team/dav_client.h"

#include <functional>
#include <string>

namespace ts {

class FetchDav : public team::DavClient {
  public:
    // `folder`: the team folder's address, ending in '/'. False when it is not an http(s) address or
    // carries credentials.
    [[nodiscard]] bool setFolder(std::string folder);
    void setLogin(const crypto::SecretBytes& user, const crypto::SecretBytes& password);
    void clearLogin();

    void get(const std::string& name, Done done) override;
    void put(const std::string& name, crypto::Bytes body, std::optional<std::string> ifMatch,
             Done done) override;
    void mkcol(Done done) override;
    void wait(int ms, std::function<void()> then) override;

    std::function<void()> onActivity;

  private:
    void request(const char* method, const std::string& url, const crypto::Bytes* body,
                 const std::optional<std::string>& ifMatch, bool ifNoneMatch, Done done);

    std::string folder_;
    crypto::SecretBytes authorization_; // base64("user:password"), NUL-terminated; empty: none
};

} // namespace ts
