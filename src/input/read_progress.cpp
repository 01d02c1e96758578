// The shared byte count behind the progress bar (input/read_progress.h).
#include "input/read_progress.h"

namespace kaohe {

void ProgressTicker::add(std::uint64_t bytes) {
  if (progress_ == nullptr || bytes == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  done_ += bytes;
  if (done_ - told_ >= (256u << 10) || (total_ > 0 && done_ >= total_)) {
    told_ = done_;
    progress_->advance(done_, total_);
  }
}

void ProgressTicker::done() {
  if (progress_ == nullptr) return;
  std::lock_guard<std::mutex> lock(mutex_);
  progress_->done();
}

}  // namespace kaohe
