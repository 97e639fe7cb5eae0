in vec2 v_pos;
in vec4 v_color;
flat in int v_kind;
in float v_half;
uniform float u_halo;
uniform vec4 u_halo_color;
out vec4 frag_color;
void main() {
    float edge = clamp(v_half + 0.5 - abs(v_pos.y), 0.0, 1.0);
    float pattern = 1.0;
    if (v_kind == 1) pattern = step(mod(v_pos.x, 14.0), 9.0);                       // dashed
    if (v_kind == 2) pattern = 1.0 - smoothstep(1.6, 2.4, abs(mod(v_pos.x, 7.0) - 3.5)); // dotted
    if (u_halo > 0.0) pattern = 1.0;  // the halo runs under the gaps too
    vec4 c = u_halo > 0.0 ? vec4(u_halo_color.rgb, u_halo_color.a * v_color.a) : v_color;
    float a = c.a * edge * pattern;
    if (a < 0.004) discard;
    frag_color = vec4(c.rgb, a);
}
