// Marker shapes as signed distances in pixels, antialiased over one pixel:
//   creative city: a disc in the field's colour; World Heritage: a diamond outline around it
//   (a filled diamond alone); South-South only: a triangle; South-South with others: a halo ring;
//   a partner city (only a partner of links): a small square, grey with a white core.
in vec2 v_local;
in vec4 v_fill;
flat in int v_flags;
in float v_opacity;  // fading in on the timeline, or dimmed outside the chosen network
in float v_radius;
uniform vec4 u_heritage;
uniform vec4 u_south;
uniform vec4 u_partner;
uniform vec4 u_outline;
out vec4 frag_color;

const int CREATIVE = 1, HERITAGE = 2, SOUTH_ONLY = 4, SOUTH_HALO = 8, SELECTED = 16, CLUSTER = 32, PARTNER = 64;

// Layers are composed with premultiplied alpha (one multiply-add each, no division), and the colour
// is divided by its alpha once at the end: a software renderer compiles and runs every operation
// (this shader's first use was the costliest pipeline to compile, 60-100 ms with SwiftShader).
float coverage(float d) { return clamp(0.5 - d, 0.0, 1.0); }  // d < 0 inside
vec4 over(vec4 top, vec4 under) { return top + under * (1.0 - top.a); }
vec4 layer(vec4 c, float d) { float a = c.a * coverage(d); return vec4(c.rgb * a, a); }
float ring(float d, float width) { return abs(d) - width * 0.5; }
// The composed layers, faded by the marker's opacity, as the blending takes them (not premultiplied).
vec4 shown(vec4 c) {
    if (c.a * v_opacity < 0.004) discard;
    return vec4(c.rgb / c.a, c.a * v_opacity);
}

void main() {
    float r = v_radius;
    vec2 p = v_local;
    float circle = length(p) - r;
    // Most markers are a plain disc or a cluster: drawn without the other shapes' arithmetic (a
    // software renderer pays for every operation of every pixel). The same layers as below.
    if (v_flags == CREATIVE || v_flags == CLUSTER) {
        vec4 c = v_flags == CLUSTER ? over(layer(v_fill, circle), layer(vec4(u_outline.rgb, 0.6), circle - 1.3))
                                    : over(layer(v_fill, circle + 0.6), layer(u_outline, circle - 0.6));
        frag_color = shown(c);
        return;
    }
    float diamond = (abs(p.x) + abs(p.y)) * 0.70710678 - r * 1.05;
    vec2 q = vec2(abs(p.x), -p.y + r * 0.25);  // equilateral triangle, point up (p.y grows downwards)
    float triangle = max(q.x * 0.8660254 + q.y * 0.5, -q.y) - r * 0.72;
    vec4 c = vec4(0.0);

    if ((v_flags & CLUSTER) != 0) {  // a group of close cities: a light disc with a thin rim, its count
        c = over(layer(vec4(u_outline.rgb, 0.6), circle - 1.3), c);  // written over it; cities read first
        c = over(layer(v_fill, circle), c);
    }
    if ((v_flags & SELECTED) != 0) c = over(layer(u_outline, ring(length(p) - r - 5.5, 2.5)), c);
    if ((v_flags & SOUTH_HALO) != 0) c = over(layer(u_south, ring(length(p) - r - 3.0, 1.8)), c);
    if ((v_flags & HERITAGE) != 0) {
        bool alone = (v_flags & CREATIVE) == 0;
        float outer = alone ? diamond : (abs(p.x) + abs(p.y)) * 0.70710678 - r * 1.25;
        c = over(layer(vec4(1.0), outer), c);                          // white ground
        c = over(layer(u_heritage, ring(outer + 1.0, 2.2)), c);        // outline
        if (alone) c = over(layer(u_heritage, outer + 4.0), c);        // dark core
    }
    if ((v_flags & SOUTH_ONLY) != 0) {
        c = over(layer(u_outline, triangle - 0.5), c);
        c = over(layer(u_south, triangle + 0.8), c);
    }
    if ((v_flags & PARTNER) != 0) {
        vec2 e = abs(p) - vec2(r * 0.78);
        float square = length(max(e, 0.0)) + min(max(e.x, e.y), 0.0);
        c = over(layer(u_partner, square), c);
        c = over(layer(vec4(1.0), square + 2.4), c);
    }
    if ((v_flags & CREATIVE) != 0) {
        float disc = (v_flags & HERITAGE) != 0 ? length(p) - r * 0.72 : circle;
        c = over(layer(u_outline, disc - 0.6), c);
        c = over(layer(v_fill, disc + 0.6), c);
    }
    frag_color = shown(c);
}
