// PNG output for --screenshot, with stb_image_write from Debian's libstb-dev.
#include <stb/stb_image_write.h>

#include "platform/platform.h"

namespace atlas::platform {

bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba) {
    return stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

}  // namespace atlas::platform
