// A picture of the map kept in a texture (render/raster_cache.cpp), drawn as one rectangle.
layout(location = 0) in vec2 a_corner;  // 0..1, also the texture coordinate (scaled)
uniform vec4 u_rect;                    // the rectangle in clip space: x0, y0, x1, y1
uniform vec2 u_painted;                 // the part of the texture painted (a draft paints a quarter)
out vec2 v_uv;
void main() {
    v_uv = a_corner * u_painted;
    gl_Position = vec4(mix(u_rect.xy, u_rect.zw, a_corner), 0.0, 1.0);
}
