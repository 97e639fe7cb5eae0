// City markers: one instanced quad per city, shaped in the fragment shader (see marker.frag).
layout(location = 0) in vec2 a_corner;      // -1..1
layout(location = 1) in vec2 a_center;      // projected position
layout(location = 2) in vec4 a_fill;        // creative field colour
layout(location = 3) in vec3 a_style;       // x: shape flags, y: size relative to u_radius, z: opacity
uniform vec2 u_center;
uniform vec2 u_scale;         // projected units -> clip space
uniform vec2 u_pixel;         // pixels -> clip space
uniform float u_radius;       // marker radius in pixels at this zoom
out vec2 v_local;             // pixels from the marker centre
out vec4 v_fill;
flat out int v_flags;
out float v_opacity;
out float v_radius;
void main() {
    float radius = a_style.y * u_radius;
    // The quad covers what the shape needs (see marker.frag): fewer pixels to shade.
    int flags = int(a_style.x + 0.5);
    float extent = radius + 1.5;
    if ((flags & 2) != 0) extent = max(extent, radius * 1.25 * 1.4143 + 2.0);  // heritage diamond
    if ((flags & 8) != 0) extent = max(extent, radius + 5.0);                  // South-South halo
    if ((flags & 16) != 0) extent = max(extent, radius * 1.25 * 1.4143 + 8.5);  // selection ring
    v_local = a_corner * extent;
    v_fill = a_fill;
    v_flags = flags;
    v_opacity = a_style.z;
    v_radius = radius;
    vec2 clip = (a_center - u_center) * u_scale;
    gl_Position = vec4(clip + vec2(v_local.x, -v_local.y) * u_pixel, 0.0, 1.0);
}
