in vec2 v_uv;
uniform sampler2D u_picture;
out vec4 frag_color;
void main() { frag_color = texture(u_picture, v_uv); }
