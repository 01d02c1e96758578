// How far the reading of a run's input files has got, for a progress bar
// on long reads (issue 8). The readers report; the command line draws.
#pragma once

#include <cstdint>
#include <mutex>

namespace kaohe {

class ReadProgress {
 public:
  virtual ~ReadProgress() = default;
  // `bytes_done` of the run's `bytes_total` bytes of event files are read
  // (the event files are what takes long; `bytes_total` is 0 when a size
  // is unknown, such as for standard input). Called from the reading threads, at most
  // every few hundred kilobytes per thread, never concurrently (the
  // readers serialise their calls), with `bytes_done` never decreasing.
  virtual void advance(std::uint64_t bytes_done, std::uint64_t bytes_total) = 0;
  // All inputs are read (called once, also after an error).
  virtual void done() = 0;
};

// Adds up the bytes read by every reader of a run, from any thread, and
// tells a ReadProgress (if any) every 256 KiB or so.
class ProgressTicker {
 public:
  // `progress` may be null (then add does nothing); `total`: the input
  // bytes of the run, 0 when not known.
  ProgressTicker(ReadProgress* progress, std::uint64_t total)
      : progress_(progress), total_(total) {}
  // `bytes` more are read. Thread-safe.
  void add(std::uint64_t bytes);
  // Everything is read: tells the ReadProgress done().
  void done();

 private:
  ReadProgress* progress_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  std::uint64_t told_ = 0;
  std::mutex mutex_;
};

}  // namespace kaohe
