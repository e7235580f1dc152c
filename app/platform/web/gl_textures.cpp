#include "platform/web/gl_textures.h"

#include <GLES3/gl3.h>

namespace ts {

std::uintptr_t GlTextures::upload(const std::uint8_t* rgba, int width, int height) {
    GLuint id = 0;
    glGenTextures(1, &id);
    if (!id) return 0;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    return id;
}

void GlTextures::release(std::uintptr_t id) {
    const GLuint tex = static_cast<GLuint>(id);
    if (tex) glDeleteTextures(1, &tex);
}

} // namespace ts
