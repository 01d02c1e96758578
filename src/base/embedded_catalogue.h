// The Chinese message catalogue, po/zh_CN/*.po concatenated, as the build
// embeds it (cmake/embed_catalogue.cmake writes its definition).
#pragma once

#include <cstddef>

namespace kaohe {

extern const char kZhCnCatalogue[];        // the PO text, NUL-terminated
extern const std::size_t kZhCnCatalogueSize;  // its length without the NUL

}  // namespace kaohe
