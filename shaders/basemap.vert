// Basemap: countries, outlines, the map's outline and the graticule, in projected coordinates.
// (The platform prepends the #version line: "300 es" on the web, "330 core" natively.)
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_shade;
uniform vec2 u_center;   // camera centre, projected units
uniform vec2 u_scale;    // projected units -> clip space
uniform vec4 u_palette[3];
out vec4 v_color;
void main() {
    v_color = u_palette[int(a_shade + 0.5)];
    gl_Position = vec4((a_pos - u_center) * u_scale, 0.0, 1.0);
}
