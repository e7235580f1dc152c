// The team sync against a real WebDAV server (Debian's apache2 with mod_dav, started by
// scripts/dav_server.sh): conditional PUTs as Apache answers them — weak ETags right after a write,
// 412 when a colleague wrote first — and a wrong login. Exits 0 when every check holds.
//
// usage: ts_team_apache PORT USER PASSWORD   (the folder is http://127.0.0.1:PORT/team/)
#include "core/team/sync.h"
#include "platform/native/fake_clock.h"

#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <sodium.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using namespace ts;

namespace {

int failures = 0;
void expect(bool ok, const char* what) {
    std::printf("%s: %s\n", ok ? "ok" : "FAILED", what);
    failures += ok ? 0 : 1;
}

// HTTP/1.1 over a plain socket, one request per connection: all a test on 127.0.0.1 needs.
class SocketDav : public team::DavClient {
  public:
    SocketDav(int port, std::string folder, std::string user, std::string password)
        : port_(port), folder_(std::move(folder)) {
        const std::string pair = user + ':' + password;
        std::string b64(sodium_base64_encoded_len(pair.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(pair.data()),
                          pair.size(), sodium_base64_VARIANT_ORIGINAL);
        auth_ = b64.c_str();
    }
    void get(const std::string& name, Done done) override { done(send("GET", folder_ + name, {}, "")); }
    void put(const std::string& name, crypto::Bytes body, std::optional<std::string> ifMatch,
             Done done) override {
        if (beforePut) beforePut(name);
        done(send("PUT", folder_ + name, body,
                  ifMatch ? "If-Match: " + *ifMatch + "\r\n" : "If-None-Match: *\r\n"));
    }
    void mkcol(Done done) override { done(send("MKCOL", folder_, {}, "")); }
    void wait(int ms, std::function<void()> then) override {
        usleep(static_cast<useconds_t>(ms) * 1000);
        then();
    }

    std::function<void(const std::string&)> beforePut;
    int preconditionFailed = 0;

  private:
    team::DavResponse send(const char* method, const std::string& path, const crypto::Bytes& body,
                           const std::string& extra) {
        team::DavResponse r;
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port_));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd < 0 || connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            if (fd >= 0) close(fd);
            return r; // status 0: unreachable
        }
        std::string head = std::string(method) + " " + path +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + "Authorization: Basic " +
                           auth_ + "\r\n" + extra + "Content-Length: " + std::to_string(body.size()) +
                           "\r\n\r\n";
        std::string out = head + std::string(body.begin(), body.end());
        for (std::size_t sent = 0; sent < out.size();) {
            const ssize_t n = write(fd, out.data() + sent, out.size() - sent);
            if (n <= 0) break;
            sent += static_cast<std::size_t>(n);
        }
        std::string in;
        char buf[65536];
        for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) in.append(buf, static_cast<std::size_t>(n));
        close(fd);
        const std::size_t end = in.find("\r\n\r\n");
        if (in.size() < 12 || end == std::string::npos) return r;
        r.status = std::stoi(in.substr(9, 3));
        if (r.status == 412) ++preconditionFailed;
        std::string headers = in.substr(0, end);
        for (std::size_t at = 0; (at = headers.find("\r\n", at)) != std::string::npos;) {
            at += 2;
            const std::size_t eol = headers.find("\r\n", at);
            const std::string line =
                headers.substr(at, eol == std::string::npos ? std::string::npos : eol - at);
            if (strncasecmp(line.c_str(), "ETag:", 5) == 0)
                r.etag = line.substr(line.find_first_not_of(' ', 5));
        }
        if (std::strcmp(method, "GET") == 0 && r.status == 200)
            r.body.assign(in.begin() + static_cast<long>(end) + 4, in.end());
        return r;
    }

    int port_;
    std::string folder_, auth_;
};

vault::Entry entry(std::string id, std::string token) {
    vault::Entry e;
    e.id = std::move(id);
    e.org = "org-a";
    e.fields = {{"token", std::move(token)}};
    e.createdAt = e.updatedAt = 1000;
    return e;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4 || !crypto::init()) return 2;
    const int port = std::atoi(argv[1]);
    FakeClock clock;
    SocketDav dav(port, "/team/t1/", argv[2], argv[3]);
    const bundle::KeyPair annaBox = bundle::newKeyPair(), borisBox = bundle::newKeyPair();
    const team::SignKeyPair annaSign = team::newSignKeyPair(), borisSign = team::newSignKeyPair();
    team::Manifest m = team::newTeam("t", {{"org-a", "ООО «Ромашка»", "RU", "7707083893"}}, annaBox.publicKey,
                                     annaSign.publicKey, "Анна", 1);
    m.members.push_back(team::Member{borisBox.publicKey, borisSign.publicKey, "Борис", 1});
    team::Sync anna(dav, clock, annaBox, annaSign, m), boris(dav, clock, borisBox, borisSign, m);

    vault::Data annaData, borisData;
    std::optional<team::Round> r;
    const auto keep = [&](const team::Round& x) { r = x; };
    anna.create(annaData, keep);
    expect(r && !r->error, "a new team is created in the folder (MKCOL, If-None-Match: *)");
    r.reset();
    anna.create(annaData, keep);
    expect(r && r->error == Str::ErrTeamForeignTeam, "creating it again does not write over it (412)");

    // Both add an entry of the same shard; Boris's round writes between Anna's read and her PUT.
    annaData.entries.push_back(entry("e-anna", "A"));
    std::string borisId = "e-boris";
    for (int i = 0; team::shardOf(borisId) != team::shardOf("e-anna"); ++i)
        borisId = "e-boris-" + std::to_string(i);
    borisData.entries.push_back(entry(borisId, "B"));
    bool slipped = false;
    dav.beforePut = [&](const std::string& name) {
        if (slipped || name != team::shardName(team::shardOf("e-anna"))) return;
        slipped = true;
        std::optional<team::Round> b;
        boris.run(borisData, [&](const team::Round& x) { b = x; });
        expect(b && !b->error, "Boris's round writes the shard first");
    };
    r.reset();
    anna.run(annaData, keep);
    dav.beforePut = nullptr;
    expect(r && !r->error, "Anna's round goes through");
    expect(r && r->races >= 1, "... after at least one 412 from Apache");
    std::printf("412 answers: %d\n", dav.preconditionFailed);
    if (r) vault::apply(annaData, r->change, 2000);
    expect(annaData.find(borisId) != nullptr, "Anna merged Boris's entry");
    r.reset();
    boris.run(borisData, keep);
    if (r) vault::apply(borisData, r->change, 2000);
    expect(borisData.find("e-anna") && borisData.find(borisId), "Boris has both entries: no write was lost");

    SocketDav wrong(port, "/team/t1/", argv[2], "wrong password");
    team::Sync mallory(wrong, clock, annaBox, annaSign, m);
    r.reset();
    mallory.run(annaData, keep);
    expect(r && r->error == Str::ErrTeamWrongLogin, "a wrong password is told as a wrong login (401)");
    SocketDav gone(1, "/team/t1/", argv[2], argv[3]);
    team::Sync offline(gone, clock, annaBox, annaSign, m);
    r.reset();
    offline.run(annaData, keep);
    expect(r && r->error == Str::ErrTeamUnreachable, "no server: unreachable");
    return failures == 0 ? 0 : 1;
}
