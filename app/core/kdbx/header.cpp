#include "core/kdbx/header.h"

#include <algorithm>

namespace ts::kdbx {

namespace {
enum Field : std::uint8_t {
    EndOfHeader = 0,
    Comment = 1,
    CipherId = 2,
    CompressionFlags = 3,
    MasterSeed = 4,
    TransformSeed = 5,
    TransformRounds = 6,
    EncryptionIv = 7,
    ProtectedStreamKey = 8,
    StreamStartBytes = 9,
    InnerRandomStreamId = 10,
    KdfParameters = 11,
    PublicCustomData = 12,
};

bool fail(Error& e, Str s, std::string detail = {}) {
    e = {s, std::move(detail)};
    return false;
}

void field(Bytes& out, std::uint8_t id, ByteView data) {
    out.push_back(id);
    appendLe(out, data.size(), 4);
    append(out, data);
}
} // namespace

bool parseHeader(ByteView file, Header& out, Error& error) {
    Cursor c(file);
    std::uint64_t sig1 = 0, sig2 = 0, version = 0;
    // A file shorter than the signatures is truncated only if what there is matches them.
    if (file.size() < 12) {
        Bytes sig;
        appendLe(sig, kSignature1, 4);
        appendLe(sig, kSignature2, 4);
        const std::size_t n = std::min<std::size_t>(file.size(), 8);
        const bool prefix = !file.empty() && std::equal(file.begin(), file.begin() + n, sig.begin());
        return fail(error, prefix ? Str::ErrKdbxTruncated : Str::ErrKdbxNotKeePass);
    }
    c.le(4, sig1);
    c.le(4, sig2);
    c.le(4, version);
    if (sig1 != kSignature1) return fail(error, Str::ErrKdbxNotKeePass);
    if (sig2 == kSignatureKeePass1) return fail(error, Str::ErrKdbxKeePass1);
    if (sig2 == kSignaturePreRelease) return fail(error, Str::ErrKdbxOldVersion);
    if (sig2 != kSignature2) return fail(error, Str::ErrKdbxNotKeePass);
    out = {};
    out.major = static_cast<std::uint16_t>(version >> 16);
    out.minor = static_cast<std::uint16_t>(version & 0xFFFF);
    if (out.major > 4) return fail(error, Str::ErrKdbxNewerVersion);
    if (out.major < 3) return fail(error, Str::ErrKdbxOldVersion);
    const bool v4 = out.major == 4;

    bool haveCipher = false, haveCompression = false;
    Bytes transformSeed, kdfParams;
    std::uint64_t transformRounds = 0;
    bool haveRounds = false, haveKdf = false, haveStream = false;
    for (;;) {
        std::uint64_t id = 0, len = 0;
        ByteView data;
        if (!c.le(1, id) || !c.le(v4 ? 4 : 2, len) || !c.take(len, data))
            return fail(error, Str::ErrKdbxTruncated);
        switch (id) {
        case EndOfHeader:
            break;
        case CipherId: {
            if (data.size() != 16) return fail(error, Str::ErrKdbxHeaderDamaged);
            Uuid u{};
            std::copy(data.begin(), data.end(), u.begin());
            if (u == kCipherAes256)
                out.cipher = Cipher::Aes256;
            else if (u == kCipherChaCha20 && v4)
                out.cipher = Cipher::ChaCha20;
            else if (u == kCipherTwofish)
                return fail(error, Str::ErrKdbxTwofish);
            else
                return fail(error, Str::ErrKdbxUnknownCipher, uuidText(u));
            haveCipher = true;
            break;
        }
        case CompressionFlags:
            if (data.size() != 4 || readLe(data.data(), 4) > 1) return fail(error, Str::ErrKdbxHeaderDamaged);
            out.gzip = readLe(data.data(), 4) == 1;
            haveCompression = true;
            break;
        case MasterSeed:
            out.masterSeed.assign(data.begin(), data.end());
            break;
        case TransformSeed:
            transformSeed.assign(data.begin(), data.end());
            break;
        case TransformRounds:
            if (data.size() != 8) return fail(error, Str::ErrKdbxHeaderDamaged);
            transformRounds = readLe(data.data(), 8);
            haveRounds = true;
            break;
        case EncryptionIv:
            out.iv.assign(data.begin(), data.end());
            break;
        case ProtectedStreamKey:
            out.protectedStreamKey.assign(data.begin(), data.end());
            break;
        case StreamStartBytes:
            out.streamStartBytes.assign(data.begin(), data.end());
            break;
        case InnerRandomStreamId:
            if (data.size() != 4) return fail(error, Str::ErrKdbxHeaderDamaged);
            out.innerStream = static_cast<InnerStream>(readLe(data.data(), 4));
            haveStream = true;
            break;
        case KdfParameters:
            kdfParams.assign(data.begin(), data.end());
            haveKdf = true;
            break;
        default:
            break; // Comment, PublicCustomData and fields of later minor versions carry nothing we need
        }
        if (id == EndOfHeader) break;
    }
    out.size = c.offset();

    if (!haveCipher || !haveCompression || out.masterSeed.size() != 32)
        return fail(error, Str::ErrKdbxHeaderDamaged);
    if (out.iv.size() != (out.cipher == Cipher::ChaCha20 ? 12u : 16u))
        return fail(error, Str::ErrKdbxHeaderDamaged);
    if (v4) {
        VariantDict dict;
        if (!haveKdf || !VariantDict::parse(kdfParams, dict)) return fail(error, Str::ErrKdbxHeaderDamaged);
        return kdfFromDict(dict, out.kdf, error);
    }
    if (transformSeed.size() != 32 || !haveRounds || out.streamStartBytes.size() != 32 ||
        out.protectedStreamKey.empty() || !haveStream)
        return fail(error, Str::ErrKdbxHeaderDamaged);
    out.kdf = {};
    out.kdf.kind = KdfKind::AesKdf;
    out.kdf.salt = transformSeed;
    out.kdf.rounds = transformRounds;
    return true;
}

Bytes writeHeader4(const Header& h) {
    Bytes out;
    appendLe(out, kSignature1, 4);
    appendLe(out, kSignature2, 4);
    appendLe(out, (std::uint64_t{h.major} << 16) | h.minor, 4);
    const Uuid& cipher = h.cipher == Cipher::ChaCha20 ? kCipherChaCha20 : kCipherAes256;
    field(out, CipherId, cipher);
    Bytes flags;
    appendLe(flags, h.gzip ? 1 : 0, 4);
    field(out, CompressionFlags, flags);
    field(out, MasterSeed, h.masterSeed);
    field(out, EncryptionIv, h.iv);
    field(out, KdfParameters, kdfToDict(h.kdf).serialize());
    const std::uint8_t end[] = {'\r', '\n', '\r', '\n'};
    field(out, EndOfHeader, end);
    return out;
}

} // namespace ts::kdbx
