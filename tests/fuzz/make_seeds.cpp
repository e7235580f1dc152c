// Writes the generated seeds of tests/fuzz/corpus with the app's own core: real files, as the app
// writes them, sealed to the keys of fuzz_keys.h so the targets can open them. The CSV and
// Bitwarden seeds are not generated: they are the fixtures of tests/fixtures plus small variants.
//
// usage: ts_fuzz_seeds CORPUS_DIR   (then review and commit what changed; a few KB per target)
#include "../native/kdbx_sample.h"
#include "core/bundle/bundle_file.h"
#include "core/images/image.h"
#include "core/kdbx/block_stream.h"
#include "core/kdbx/gzip.h"
#include "core/kdbx/writer.h"
#include "core/kdbx/xml.h"
#include "core/team/team_file.h"
#include "core/vault/change.h"
#include "core/vault/model.h"
#include "core/vault/vault_file.h"
#include "fuzz_kdbx.h"
#include "fuzz_keys.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace ts;
namespace fs = std::filesystem;

namespace {

std::span<const std::uint8_t> bytesOf(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

void save(const fs::path& path, std::span<const std::uint8_t> bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "could not write %s\n", path.c_str());
        std::exit(1);
    }
}

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "could not build the seeds: %s\n", what);
    std::exit(1);
}

// A vault in use, built through apply() like the app builds it: an organisation, an entry with a
// history, a generic one, an open run, a picture, and a key from a newer version to be kept.
vault::Data sampleVault() {
    vault::Data d;
    namespace change = vault::change;
    require(vault::apply(d, change::UpsertOrganisation{"org-romashka", "ООО «Ромашка»", "RU", "7707083893"},
                         fuzz::kNow),
            "organisation");

    change::UpsertEntry token{
        "e-token",
        "eis-export-token",
        {{"guid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}, {"validUntil", "2026-12-31"}},
        "org-romashka",
        std::vector<int>{30, 7}};
    require(vault::apply(d, token, fuzz::kNow - 86400000), "entry");
    token.fields["validUntil"] = "2027-12-31";
    require(vault::apply(d, token, fuzz::kNow), "entry, second version");

    const change::UpsertEntry generic{
        "e-mail",
        "generic",
        {{"title", "Почта"}, {"login", "buh@romashka.example"}, {"secret", "pa\"ss,word\n2"}},
        {},
        {}};
    require(vault::apply(d, generic, fuzz::kNow), "generic entry");

    require(vault::apply(d, change::StartRun{"run-1", "eis-export-token", "eis", "org-romashka", "e-token"},
                         fuzz::kNow),
            "run");
    require(
        vault::apply(d,
                     change::UpdateRun{
                         "run-1", {"login"}, {{"guid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}}, "e-token"},
                     fuzz::kNow),
        "run step");
    require(vault::apply(d, change::SetAttachment{"eis-export-token", "login", "/9j/4AAQSkZJRgABAQ==", 2, 2},
                         fuzz::kNow),
            "attachment");

    d.unknown["fromNewerVersion"] = {{"kept", true}, {"n", 1.5}};
    return d;
}

images::Image gradient(int w, int h) {
    images::Image img{
        w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                                         static_cast<std::size_t>(x)) *
                                        4];
            p[0] = static_cast<std::uint8_t>(x * 255 / w);
            p[1] = static_cast<std::uint8_t>(y * 255 / h);
            p[2] = static_cast<std::uint8_t>((x + y) * 255 / (w + h));
            p[3] = static_cast<std::uint8_t>(128 + x * 127 / w);
        }
    return img;
}

// The count array (16 bytes after the segment's length and class byte) of a JPEG's first DHT segment.
std::span<std::uint8_t> firstHuffmanCounts(std::vector<std::uint8_t>& jpeg) {
    for (std::size_t i = 2; i + 21 < jpeg.size(); ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC4) return std::span(jpeg).subspan(i + 5, 16);
    require(false, "a DHT segment in the JPEG seed");
    return {};
}

// Small pictures as the app writes them (stb_image_write), and two JPEGs with a crafted Huffman table.
void imageSeeds(const fs::path& dir) {
    save(dir / "rgba-8x8.png", images::encodePng(gradient(8, 8)));
    save(dir / "rgba-1x1.png", images::encodePng(gradient(1, 1)));
    const std::vector<std::uint8_t> jpeg = images::encodeJpeg(gradient(16, 16), 80);
    save(dir / "gradient-16x16.jpg", jpeg);
    save(dir / "gradient-24x8-q20.jpg", images::encodeJpeg(gradient(24, 8), 20));

    // Over 256 codes in one table: stb_image 2.27 writes past its arrays (decode refuses it first).
    std::vector<std::uint8_t> many = jpeg;
    for (std::uint8_t& count : firstHuffmanCounts(many)) count = 0x20; // 16 lengths x 32 codes
    save(dir / "dht-over-256-codes.jpg", many);

    // The same number of codes, but three of one bit: lengths no prefix code can have (stb: "bad code
    // lengths"). The symbols after the counts stay where they were.
    std::vector<std::uint8_t> over = jpeg;
    const std::span<std::uint8_t> counts = firstHuffmanCounts(over);
    unsigned total = 0;
    for (std::uint8_t c : counts) total += c;
    require(total >= 3, "a DHT table of three codes or more");
    std::fill(counts.begin(), counts.end(), std::uint8_t{0});
    counts[0] = 3;
    counts[15] = static_cast<std::uint8_t>(total - 3);
    save(dir / "dht-oversubscribed.jpg", over);
}

} // namespace

// KeePass seeds: whole files as the writer makes them (the header target reads their headers), a
// KDBX 4 header with AES-KDF, the sample's XML as KDBX 4 (protected values under fuzz_kdbx.h's inner
// stream key) and its payload framed as HMAC blocks under the fixed key, as hashed blocks and gzipped.
// kdbx_header/kdbx31-header.bin (kdbxweb's KDBX 3.1 header) and kdbx_xml/keepassxc-export.xml and
// keepass-sample.xml (tests/kdbx) come from the other tools and are kept as they are.
void kdbxSeeds(const fs::path& dir) {
    const kdbx::Database db = testing::kdbxSample();
    kdbx::Credentials creds;
    creds.password = crypto::SecretBytes{'f', 'u', 'z', 'z'};
    for (auto [name, cipher, kdf] :
         {std::tuple{"aes-argon2id.kdbx", kdbx::Cipher::Aes256, kdbx::KdfKind::Argon2id},
          std::tuple{"chacha20-argon2d.kdbx", kdbx::Cipher::ChaCha20, kdbx::KdfKind::Argon2d}}) {
        kdbx::WriteOptions o;
        o.cipher = cipher;
        o.kdf = kdf;
        o.iterations = 1;
        o.memoryBytes = 64 * 1024;
        kdbx::Bytes file;
        kdbx::Error error;
        require(kdbx::writeKdbx(db, creds, o, file, error), "kdbx file");
        save(dir / "kdbx_header" / name, file);
    }
    kdbx::Header aes;
    aes.masterSeed.assign(32, 1);
    aes.iv.assign(16, 2);
    aes.kdf.kind = kdbx::KdfKind::AesKdf;
    aes.kdf.salt.assign(32, 3);
    aes.kdf.rounds = 60000;
    save(dir / "kdbx_header" / "aes-kdf-header.bin", kdbx::writeHeader4(aes));

    kdbx::InnerCipher cipher = fuzz::kdbxInnerCipher();
    std::vector<kdbx::Bytes> binaries;
    const std::string xml = kdbx::writeXml(db, cipher, binaries);
    const auto xmlBytes = bytesOf(xml);
    save(dir / "kdbx_xml" / "sample-kdbx4.xml", xmlBytes);
    save(dir / "kdbx_blocks" / "hmac-blocks.bin",
         kdbx::writeHmacBlocks(xmlBytes, fuzz::kdbxHmacBaseKey(), 1500));
    save(dir / "kdbx_blocks" / "hashed-blocks.bin", kdbx::writeHashedBlocks(xmlBytes, 1500));
    save(dir / "kdbx_blocks" / "payload.gz", kdbx::gzip(xmlBytes));
}

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    fuzz::initCrypto();
    const fs::path dir = argv[1];
    const crypto::SecretBytes model = vault::serialize(sampleVault());
    const std::string_view minimal = R"({"schema":1,"entries":[]})";
    save(dir / "vault_model" / "sample.json", model);
    save(dir / "vault_model" / "minimal.json", bytesOf(minimal));

    // A real vault (the passphrase "fuzz" opens it too) whose vault key is the fixed one.
    auto keys = vault::create(bytesOf("fuzz"), crypto::KdfParams::standard());
    require(keys.has_value(), "vault");
    keys->vaultKey = fuzz::fixedVaultKey();
    require(vault::rewrap(*keys, bytesOf("fuzz"), crypto::KdfParams::standard()), "vault wrap");
    save(dir / "vault_file" / "sample.tsvault", vault::write(*keys, 2, model));
    save(dir / "vault_file" / "minimal.tsvault", vault::write(*keys, 3, bytesOf(minimal)));

    const bundle::KeyPair alice = fuzz::aliceKeyPair();
    bundle::BundleError error = bundle::BundleError::None;
    const auto sealed = bundle::writeForRecipient(model, alice.publicKey, fuzz::kNow, error);
    require(sealed.has_value(), "recipient bundle");
    save(dir / "bundle" / "recipient.tsb", *sealed);
    save(dir / "bundle" / "recipient.txt", bytesOf(bundle::toText(*sealed)));
    const auto withPassphrase = bundle::writeWithPassphrase(bytesOf(minimal), bytesOf("fuzz"),
                                                            crypto::KdfParams::standard(), fuzz::kNow, error);
    require(withPassphrase.has_value(), "passphrase bundle");
    save(dir / "bundle" / "passphrase.tsb", *withPassphrase);
    save(dir / "bundle" / "receiving-code.txt", bytesOf(bundle::receivingCode(alice.publicKey)));
    imageSeeds(dir / "image_decode");
    kdbxSeeds(dir);

    // A team's manifest, and the shards of the sample vault's entries (moved to the team's organisation).
    const team::Manifest t = fuzz::fuzzTeam();
    team::TeamError teamError = team::TeamError::None;
    const auto manifest = team::writeManifest(t, fuzz::fuzzSignKeyPair(), teamError);
    require(manifest.has_value(), "team manifest");
    save(dir / "team_file" / "manifest.tst", *manifest);
    vault::Data sample = sampleVault();
    for (vault::Entry& e : sample.entries) e.org = "org-romashka";
    for (const vault::Entry& e : sample.entries) {
        const std::size_t n = team::shardOf(e.id);
        const auto shard = team::writeShard(t, n, 1, {e}, fuzz::fuzzSignKeyPair(), teamError);
        require(shard.has_value(), "team shard");
        save(dir / "team_file" / team::shardName(n), *shard);
    }
    return 0;
}
