#include "app/font_texture.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "platform/gl.h"
#include "platform/platform.h"

namespace atlas {

namespace {
// Calls `make_texture` with the atlas answering a 1x1 white stand-in for its RGBA pixels, so that
// the backend makes its texture without its copy; the atlas is given its size back before anything
// reads it.
bool with_stand_in(bool (*make_texture)()) {
    ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
    const int width = fonts.TexWidth, height = fonts.TexHeight;
    static unsigned int stand_in = 0xFFFFFFFFu;
    fonts.TexPixelsRGBA32 = &stand_in;
    fonts.TexWidth = fonts.TexHeight = 1;
    const bool made = make_texture();
    fonts.TexPixelsRGBA32 = nullptr;  // (ClearTexData would free it)
    fonts.TexWidth = width, fonts.TexHeight = height;
    return made;
}
}  // namespace

bool make_panel_objects() { return with_stand_in(ImGui_ImplOpenGL3_CreateDeviceObjects); }

bool make_font_texture() {
    ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
    unsigned char* coverage = nullptr;
    int width = 0, height = 0;
    fonts.GetTexDataAsAlpha8(&coverage, &width, &height);  // (rasterises the fonts if they are not)
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (!with_stand_in(ImGui_ImplOpenGL3_CreateFontsTexture) || !coverage) return false;

    GLint bound = 0, alignment = 4;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
    glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<std::intptr_t>(fonts.TexID)));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (platform::kCoverageTexels == platform::CoverageTexels::RedSwizzled) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, coverage);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_RED);
    } else {
        // In strips of 32 KB: a browser copies each to the GPU process through a buffer of its own,
        // and a strip of 128 KB set the page's memory (the fonts' pixels are still held meanwhile).
        glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, width, height, 0, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, nullptr);
        const int rows = std::max(1, 16384 / std::max(1, width));
        std::vector<unsigned char> strip(std::size_t(width) * std::size_t(rows) * 2, 255);
        for (int y = 0; y < height; y += rows) {
            const int n = std::min(rows, height - y);
            const unsigned char* src = coverage + std::size_t(y) * std::size_t(width);
            for (std::size_t i = 0; i < std::size_t(width) * std::size_t(n); ++i) strip[2 * i + 1] = src[i];
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, width, n, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, strip.data());
        }
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
    glBindTexture(GL_TEXTURE_2D, GLuint(bound));
    return true;
}

}  // namespace atlas
