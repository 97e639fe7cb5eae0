// A picture of the map kept in a texture (render/raster_cache.cpp), drawn as one rectangle.
layout(location = 0) in vec2 a_corner;  // 0..1, also the texture coordinate
uniform vec4 u_rect;                    // the rectangle in clip space: x0, y0, x1, y1
out vec2 v_uv;
void main() {
    v_uv = a_corner;
    gl_Position = vec4(mix(u_rect.xy, u_rect.zw, a_corner), 0.0, 1.0);
}
