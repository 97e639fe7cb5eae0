// Cooperation links: one instanced quad per segment of a projected great-circle arc, widened in
// screen space so that lines keep their pixel width at every zoom.
layout(location = 0) in vec2 a_corner;   // x: 0 at p0, 1 at p1; y: -1..1 across
layout(location = 1) in vec4 a_ends;     // p0.xy, p1.xy (projected)
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec3 a_style;    // x: 0 solid, 1 dashed, 2 dotted; y: arc length at p0; z: width px
uniform vec2 u_center;
uniform vec2 u_scale;      // projected units -> clip space
uniform vec2 u_viewport;   // pixels
uniform float u_world_to_px;
uniform float u_halo;      // extra width of the halo pass (0: the line itself)
out vec2 v_pos;            // x: pixels along the arc, y: pixels across
out vec4 v_color;
flat out int v_kind;
out float v_half;
void main() {
    vec2 s0 = (a_ends.xy - u_center) * u_scale * 0.5 * u_viewport;
    vec2 s1 = (a_ends.zw - u_center) * u_scale * 0.5 * u_viewport;
    vec2 d = s1 - s0;
    float len = max(length(d), 1e-4);
    vec2 dir = d / len, normal = vec2(-dir.y, dir.x);
    float half_width = a_style.z * 0.5 + u_halo;
    float reach = half_width + 1.0;  // one pixel of antialiasing
    vec2 p = mix(s0, s1, a_corner.x) + normal * a_corner.y * reach + dir * (a_corner.x * 2.0 - 1.0) * half_width;
    v_pos = vec2(a_style.y * u_world_to_px + a_corner.x * len, a_corner.y * reach);
    v_color = a_color;
    v_kind = int(a_style.x + 0.5);
    v_half = half_width;
    gl_Position = vec4(p / (0.5 * u_viewport), 0.0, 1.0);
}
