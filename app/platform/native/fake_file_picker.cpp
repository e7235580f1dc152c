#include "platform/native/fake_file_picker.h"

#include <utility>

namespace ts {

void FakeFilePicker::pick(std::string_view accept, std::function<void(std::optional<PickedFile>)> done) {
    ++picks_;
    lastAccept_ = std::string(accept);
    // Like the browser: a dialog replaced by a new one answers "nothing", later, never in here.
    if (pending_) replaced_.push_back(std::exchange(pending_, nullptr));
    pending_ = std::move(done);
}

bool FakeFilePicker::answer() {
    if (!pending()) return false;
    while (!replaced_.empty()) {
        auto done = std::move(replaced_.front());
        replaced_.pop_front();
        done(std::nullopt);
    }
    if (pending_) {
        auto done = std::exchange(pending_, nullptr);
        if (next && next->bytes.size() > kMaxBytes) {
            done(PickedFile{next->name, {}, true});
        } else {
            done(next);
        }
    }
    return true;
}

} // namespace ts
