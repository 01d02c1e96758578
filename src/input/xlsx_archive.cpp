// minizip over a FILE that kaohe opened (io/file_io.h): the file is read
// where it was opened, never opened again by name.
#include "input/xlsx_archive.h"

#include <unzip.h>

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

// minizip's file functions over the FILE in `opaque`.
voidpf open_stream(voidpf opaque, const void*, int) { return opaque; }

uLong read_stream(voidpf, voidpf stream, void* buf, uLong size) {
  return static_cast<uLong>(std::fread(buf, 1, size, static_cast<std::FILE*>(stream)));
}

uLong write_stream(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T tell_stream(voidpf, voidpf stream) {
  const off_t at = ::ftello(static_cast<std::FILE*>(stream));
  return at < 0 ? static_cast<ZPOS64_T>(-1) : static_cast<ZPOS64_T>(at);
}

long seek_stream(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  int whence = SEEK_SET;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) whence = SEEK_CUR;
  if (origin == ZLIB_FILEFUNC_SEEK_END) whence = SEEK_END;
  return ::fseeko(static_cast<std::FILE*>(stream), static_cast<off_t>(offset), whence) == 0
             ? 0
             : -1;
}

int close_stream(voidpf, voidpf) { return 0; }  // the caller closes the file

int error_stream(voidpf, voidpf stream) { return std::ferror(static_cast<std::FILE*>(stream)); }

}  // namespace

XlsxArchive::XlsxArchive(std::string name, std::FILE* file)
    : name_(std::move(name)), file_(file) {
  zlib_filefunc64_def functions{};
  functions.zopen64_file = open_stream;
  functions.zread_file = read_stream;
  functions.zwrite_file = write_stream;
  functions.ztell64_file = tell_stream;
  functions.zseek64_file = seek_stream;
  functions.zclose_file = close_stream;
  functions.zerror_file = error_stream;
  functions.opaque = file_;
  zip_ = unzOpen2_64(name_.c_str(), &functions);
  if (zip_ == nullptr) {
    unsigned char magic[8] = {};
    std::rewind(file_);
    const std::size_t got = std::fread(magic, 1, sizeof magic, file_);
    const bool ole = got == 8 && magic[0] == 0xD0 && magic[1] == 0xCF && magic[2] == 0x11 &&
                     magic[3] == 0xE0;
    throw Error::in_file(
        kExitDataErr, name_,
        ole ? tr("not an .xlsx workbook: an Excel 97–2003 workbook (.xls) or a "
                 "password-protected one")
            : tr("not an .xlsx workbook: the file is not a zip archive"),
        ole ? tr("save it from Excel or WPS without a password as \"Excel 工作簿 (*.xlsx)\" "
                 "or as CSV")
            : tr("an .xlsx file is a zip archive; a CSV file renamed to .xlsx should "
                 "keep its .csv name"));
  }
}

XlsxArchive::~XlsxArchive() {
  if (!part_.empty()) unzCloseCurrentFile(zip_);
  unzClose(zip_);
}

void XlsxArchive::fail(const std::string& what) const {
  throw Error::in_file(kExitDataErr, name_, what,
                       tr("the workbook is damaged: open it in Excel or WPS and save it again"));
}

bool XlsxArchive::has(const std::string& path) {
  close_part();
  return unzLocateFile(zip_, path.c_str(), 2) == UNZ_OK;  // 2: case-insensitive
}

void XlsxArchive::open(const std::string& path) {
  close_part();
  if (unzLocateFile(zip_, path.c_str(), 2) != UNZ_OK) {
    fail(trf("the workbook has no part {}", path));
  }
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    fail(trf("cannot read the entry of part {}", path));
  }
  if (info.flag & 1) fail(trf("part {} is encrypted", path));
  if (unzOpenCurrentFile(zip_) != UNZ_OK) {
    fail(trf("cannot decompress part {}", path));
  }
  part_ = path;
}

std::size_t XlsxArchive::read(char* out, std::size_t n) {
  if (part_.empty()) return 0;
  const unsigned ask = n > (1u << 30) ? (1u << 30) : static_cast<unsigned>(n);
  const int got = unzReadCurrentFile(zip_, out, ask);
  if (got < 0) {
    if (std::ferror(file_)) throw Error::in_file(kExitIoErr, name_, tr("read error"));
    fail(trf("cannot decompress part {} (zip error {})", part_, got));
  }
  if (got == 0) {
    const std::string part = part_;
    part_.clear();
    if (unzCloseCurrentFile(zip_) == UNZ_CRCERROR) {
      fail(trf("part {} fails its checksum", part));
    }
  }
  return static_cast<std::size_t>(got);
}

void XlsxArchive::close_part() {
  if (part_.empty()) return;
  unzCloseCurrentFile(zip_);
  part_.clear();
}

}  // namespace kaohe
