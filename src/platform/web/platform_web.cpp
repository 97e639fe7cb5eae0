// Web platform: WebGL2, the browser's main loop, and the bridge to the page (window.atlas,
// window.mapReady, window.mapError); see web/atlas_api.js for the JavaScript half.
#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <emscripten/html5.h>
#include <emscripten/stack.h>

#include "core/decimal.h"
#include "core/json_io.h"
#include "platform/platform.h"

namespace atlas::platform {
namespace {
AppHooks g_app;
std::vector<atlas::DataFile> g_staged;            // data files waiting for atlas_api_load_staged
std::vector<atlas::Problem> g_staged_problems;
std::string g_reply;  // keeps the last answer alive for ccall's string conversion

// The staged files and their problems, handed over (the staging area is empty again).
void take_staged(std::vector<atlas::DataFile>& files, std::vector<atlas::Problem>& problems) {
    for (auto& f : g_staged) files.push_back(std::move(f));
    problems.insert(problems.end(), g_staged_problems.begin(), g_staged_problems.end());
    g_staged.clear(), g_staged_problems.clear();
}

const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}
const char* reply(const nlohmann::json& j) { return reply(atlas::to_text(j)); }
// Nothing moves: the loop stops asking the browser for frames, so an idle page costs no CPU; input,
// a resize, a lost context and every call of window.atlas wake it (web/atlas_api.js). A kiosk's
// clock needs its frames, so a kiosk page never sleeps.
bool g_sleeping = false, g_may_sleep = true;
int g_idle_frames = 0;
// The data a link asks for (?data=) is on its way: the first frame waits for it (web/atlas_api.js
// gives it a second) rather than drawing the bundled data for nothing.
bool g_data_coming = true;

void loop() {
    if (g_data_coming && (g_data_coming = EM_ASM_INT({ return Module.dataComing ? 1 : 0; }) != 0)) return;
    g_app.frame();
    g_idle_frames = g_may_sleep && g_app.idle() ? g_idle_frames + 1 : 0;
    // (the app's idle() already waited for quiet frames: hover states and sizes have settled; each
    // frame more is a wake-up of the page for nothing)
    if (g_idle_frames > 1) {
        g_idle_frames = 0;
        g_sleeping = true;
        emscripten_pause_main_loop();
    }
}

// The browser may take the WebGL context back (too many contexts, a GPU reset, a test's
// WEBGL_lose_context). Preventing the default of "lost" asks it to give the context back later.
bool g_context_lost = false, g_context_restored = false;
EM_BOOL on_context_lost(int, const void*, void*) {
    g_context_lost = true;
    g_context_restored = false;
    return EM_TRUE;  // preventDefault: the context can be restored
}
EM_BOOL on_context_restored(int, const void*, void*) {
    g_context_restored = true;
    return EM_TRUE;
}

// The page's address: the part after '#' (without it), or everything before it.
std::string page_address(bool hash) {
    const int n = EM_ASM_INT({
        var a = location.href.split('#');
        return lengthBytesUTF8($0 ? a.slice(1).join('#') : a[0]) + 1;
    }, hash);
    std::string s(std::size_t(n), '\0');
    EM_ASM({
        var a = location.href.split('#');
        stringToUTF8($0 ? a.slice(1).join('#') : a[0], $1, $2);
    }, hash, s.data(), n);
    s.resize(std::size_t(n - 1));
    return s;
}
}  // namespace

void set_gl_attributes(bool) {  // WebGL has its own context loss (gl_context_lost)
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
}
const char* glsl_version_header() { return "#version 300 es\nprecision highp float;\n"; }
const char* imgui_glsl_version() { return "#version 300 es"; }

namespace {
// The stack's free part is painted with this when the app starts: the paint left shows how deep it
// went since. (The stack grows down, from its base to its end.)
constexpr std::uint32_t kStackPaint = 0x57ac4a11u;
void paint_stack() {
    const std::uintptr_t below = (emscripten_stack_get_current() - 512) & ~std::uintptr_t(3);  // (this frame's room kept)
    for (auto* word = reinterpret_cast<volatile std::uint32_t*>(emscripten_stack_get_end());
         reinterpret_cast<std::uintptr_t>(word) < below; ++word)
        *word = kStackPaint;
}
}  // namespace

StackUse stack_use() {
    const std::uintptr_t base = emscripten_stack_get_base(), end = emscripten_stack_get_end();
    auto* word = reinterpret_cast<const std::uint32_t*>(end);
    while (reinterpret_cast<std::uintptr_t>(word) < base && *word == kStackPaint) ++word;
    return {base - end, base - reinterpret_cast<std::uintptr_t>(word)};
}

bool parse_command_line(int, char**, Options& o, int& exit_code) {
    paint_stack();  // (the first thing main does: everything after is measured)
    exit_code = 0;
    o.assets_dir = "/assets";
    o.data_dir = "/assets/data";
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    if (w >= 1 && h >= 1) {
        o.width = int(w);
        o.height = int(h);
    }
    o.embed = EM_ASM_INT({ return new URLSearchParams(location.search).get('embed') === '1' ? 1 : 0; }) != 0;
    o.kiosk = EM_ASM_INT({ return new URLSearchParams(location.search).get('kiosk') === '1' ? 1 : 0; }) != 0;
    o.touch_first = EM_ASM_INT({ return window.matchMedia && matchMedia('(pointer: coarse)').matches ? 1 : 0; }) != 0;
    // The browser's languages, best first; a link's own language (lang=) applies after them.
    const int n = EM_ASM_INT({ return (navigator.languages || [navigator.language || 'en']).length; });
    for (int i = 0; i < n && i < 16; ++i) {
        char code[64] = {0};
        EM_ASM({ stringToUTF8(String((navigator.languages || [navigator.language || 'en'])[$0]), $1, 64); }, i, code);
        o.languages.push_back(code);
    }
    // The person's setting for less motion (the system's, through the browser): flights become cuts from the start.
    if (EM_ASM_INT({ return window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0; }))
        o.actions.push_back(atlas::to_text({{"type", "reducedMotion"}, {"on", true}}));
    // A link's view applies at start-up, before the first frame, like --view natively.
    if (const std::string hash = page_address(true); !hash.empty())
        o.actions.push_back(atlas::to_text({{"type", "viewFromUrl"}, {"hash", hash}}));
    return true;
}

int run(const Options& o, AppHooks hooks) {
    g_app = std::move(hooks);
    g_may_sleep = !o.kiosk;
    for (const auto& text : o.actions) {
        const JsonDocument action = parse_json(text);
        if (action.ok()) (void)g_app.act(action.value);  // notices stay in the state, shown by the app
    }
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_TRUE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_TRUE, on_context_restored);
    // The page's API answers from now on (the first frame comes at the next animation frame).
    EM_ASM({
        Module.appStarted = true;
        if (Module.onAppStarted) Module.onAppStarted();
    });
    emscripten_set_main_loop(loop, 0, 1);  // never returns
    return 0;
}

void notify_ready() {
    EM_ASM({
        window.mapReady = true;  // the first complete frame is on screen
        if (!Module.holdReadyMark) performance.mark('map-ready');  // (with ?data=: once that data is drawn, atlas_api.js)
        if (Module.onMapReady) Module.onMapReady();
    });
}

void report_fatal(const std::string& message) {
    EM_ASM({
        window.mapError = UTF8ToString($0);
        if (Module.onMapError) Module.onMapError(window.mapError);
    }, message.c_str());
}

void open_url(const std::string& url) {
    EM_ASM({ window.open(UTF8ToString($0), '_blank', 'noopener'); }, url.c_str());
}

void sync_window_size(Window& w) {
    // As the page last laid it out (web/atlas_api.js): asking the element lays the page out now.
    double size[2] = {0, 0};
    EM_ASM({
        var s = Module.canvasSize;
        if (s) HEAPF64.set(s, $0 >> 3);
    }, size);
    if (!size[0]) emscripten_get_element_css_size("#canvas", &size[0], &size[1]);
    const double css_w = size[0], css_h = size[1];
    int cur_w = 0, cur_h = 0;
    SDL_GetWindowSize(w.sdl, &cur_w, &cur_h);
    if (css_w >= 1 && css_h >= 1 && (int(css_w) != cur_w || int(css_h) != cur_h))
        SDL_SetWindowSize(w.sdl, int(css_w), int(css_h));
}

// The pictures live in the page (web/map_pictures.js).
bool has_map_pictures() { return EM_ASM_INT({ return Module.mapPictures ? Module.mapPictures.available() : 0; }) != 0; }

int keep_map_picture(bool draft) {
    return EM_ASM_INT({ return Module.mapPictures ? Module.mapPictures.keepMap(!!$0) : -1; }, draft);
}

void warm_map_pictures() {
    EM_ASM({ if (Module.mapPictures) Module.mapPictures.warm(); });
}

void keep_panel_pictures(const std::vector<Rect>& rects, float rounding) {
    static_assert(sizeof(Rect) == 4 * sizeof(float), "read as 4 floats a rectangle");
    EM_ASM({ if (Module.mapPictures) Module.mapPictures.keepPanels(HEAPF32.subarray($0 >> 2, ($0 >> 2) + $1 * 4), $2); },
           rects.data(), int(rects.size()), rounding);
}

bool move_map_picture(const PicturePlace (&p)[2], const float (&background)[3]) {
    return EM_ASM_INT({
        return Module.mapPictures ? Module.mapPictures.move([$0, $3], [$1, $4], [$2, $5], $6, $7, $8) : 0;
    }, p[0].scale, p[0].x, p[0].y, p[1].scale, p[1].x, p[1].y, background[0], background[1], background[2]) != 0;
}

void drop_map_pictures() {
    EM_ASM({ if (Module.mapPictures) Module.mapPictures.drop(); });
}

void mirror_changed() {
    EM_ASM({ if (Module.onMirrorChanged) Module.onMirrorChanged(); });
}

void publish_view(const std::string& hash, bool step) {
    EM_ASM({ if (Module.publishView) Module.publishView(UTF8ToString($0), $1); }, hash.c_str(), step);
}

std::string full_map_url(const std::string& hash) {
    char url[4096] = {0};
    EM_ASM({
        var u = new URL(location.href);
        u.searchParams.delete('embed');
        u.hash = UTF8ToString($0);
        stringToUTF8(u.href, $1, 4096);
    }, hash.c_str(), url);
    return url;
}

bool deliver_image(const std::string&, int width, int height, const std::vector<unsigned char>& rgba) {
    EM_ASM({ if (Module.onImage) Module.onImage($0, $1, HEAPU8.slice($2, $2 + $0 * $1 * 4)); }, width, height, rgba.data());
    return true;
}

void save_file(const std::string& name, const std::string& mime, const std::string& bytes) {
    EM_ASM({
        var blob = new Blob([HEAPU8.slice($2, $2 + $3)], { type: UTF8ToString($1) });
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = UTF8ToString($0);
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }, name.c_str(), mime.c_str(), bytes.data(), int(bytes.size()));
}

std::string copy_view_link(const std::string& hash) {
    const std::string url = page_address(false) + "#" + hash;
    EM_ASM({
        if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString($0)).catch(function () {});
    }, url.c_str());
    return url;
}

bool start_export(const std::string& kind) {
    return EM_ASM_INT({
        if (!Module.startExport) return 0;
        Module.startExport(UTF8ToString($0));
        return 1;
    }, kind.c_str()) != 0;
}
bool can_export_video() { return EM_ASM_INT({ return typeof VideoEncoder !== 'undefined' ? 1 : 0; }) != 0; }
bool has_presenter_console() { return true; }
void watch_for_terminate() {}
bool terminate_requested() { return false; }
void heartbeat() {}
void trim_memory() {}
void take_early_data(std::vector<DataFile>& files, std::vector<Problem>& problems) {
    if (EM_ASM_INT({ return Module.stageEarlyData ? Module.stageEarlyData() : 0; }))  // (stages them here)
        take_staged(files, problems);
}
void keep_user_files(const std::vector<DataFile>& files) {
    EM_ASM({ Module.keepTexts($0); }, int(files.size()));
}
const bool kFineBasemapLater = true;
const CoverageTexels kCoverageTexels = CoverageTexels::LuminanceAlpha;
void toggle_fullscreen(Window&) {
    EM_ASM({
        if (document.fullscreenElement) document.exitFullscreen();
        else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
    });
}
bool gl_context_lost() { return g_context_lost; }
bool restore_gl_context(Window&, std::string&) {
    if (!g_context_restored) return false;  // still lost: wait for the browser
    g_context_lost = g_context_restored = false;
    return true;
}
void log_line(const std::string& text) {
    EM_ASM({ console.log(new Date().toISOString() + ' atlas: ' + UTF8ToString($0)); }, text.c_str());
}
void open_presenter_console() {
    EM_ASM({ if (Module.openConsole) Module.openConsole(); });
}
void publish_presenter_status(const std::string& status) {
    EM_ASM({ if (Module.presenterStatus) Module.presenterStatus(JSON.parse(UTF8ToString($0))); }, status.c_str());
}

bool write_png(const std::string&, int, int, const std::vector<unsigned char>&) { return false; }

}  // namespace atlas::platform

// Every strtod of the web build (the JSON parser's numbers) comes here first (link option
// --wrap=strtod): plain decimals are read exactly without the C library's emulated long doubles.
extern "C" double __real_strtod(const char* text, char** end);
extern "C" double __wrap_strtod(const char* text, char** end) {
    double value = 0;
    const char* stop = nullptr;
    if (!atlas::read_plain_decimal(text, value, stop)) return __real_strtod(text, end);
    if (end) *end = const_cast<char*>(stop);
    return value;
}

// The page's window.atlas calls these through ccall; every answer is JSON text.
using atlas::platform::g_app;
using atlas::platform::g_staged;
using atlas::platform::g_staged_problems;
using atlas::platform::take_staged;
using atlas::platform::reply;
extern "C" {
EMSCRIPTEN_KEEPALIVE void atlas_wake() {
    if (!atlas::platform::g_sleeping) return;
    atlas::platform::g_sleeping = false;
    emscripten_resume_main_loop();
}
EMSCRIPTEN_KEEPALIVE int atlas_sleeping() { return atlas::platform::g_sleeping ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_state() { return reply(g_app.state()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_visible_cities() { return reply(g_app.visible_cities()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_frame_stats() { return reply(g_app.frame_stats()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_panels() { return reply(g_app.panels()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_accessible() { return reply(g_app.accessible()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_links() { return reply(g_app.links()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_labels() { return reply(g_app.labels()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_clusters() { return reply(g_app.clusters()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_export_image(const char* scale) {
    return reply(g_app.export_image(scale ? std::atof(scale) : 1.0));
}
EMSCRIPTEN_KEEPALIVE const char* atlas_api_strings() { return reply(g_app.strings()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_tours() { return reply(g_app.tours()); }
// A video: begin with options (JSON), then one frame per call (its picture goes to Module.onImage).
EMSCRIPTEN_KEEPALIVE const char* atlas_api_record_begin(const char* options) {
    const atlas::JsonDocument doc = atlas::parse_json(options ? options : "");
    if (!doc.ok()) return reply({{"error", "the options are not valid JSON: " + doc.error}});
    return reply(g_app.record_begin(doc.value));
}
EMSCRIPTEN_KEEPALIVE const char* atlas_api_record_frame() { return reply(g_app.record_frame()); }
EMSCRIPTEN_KEEPALIVE void atlas_api_record_end() { g_app.record_end(); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_fonts() { return reply(g_app.fonts()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_export_table(const char* format) { return reply(g_app.export_table(format ? format : "")); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_screen_position(const char* id) {
    return reply(g_app.screen_position(id ? id : ""));
}
// Files staged one by one, then loaded together (window.atlas.loadDataFiles): one merge for all.
// Their bytes stay in the page (its texts[index]), read a piece at a time as they are parsed (a
// file may be 16 MB: copied in, it raised the memory's high-water mark for good). The bytes are
// kept as they are (a broken file may hold NUL bytes). {"staged": false}: refused (a problem
// then), and the page does not keep its bytes.
EMSCRIPTEN_KEEPALIVE const char* atlas_api_stage_data(const char* name, double size, const char* error, int index) {
    const std::string n = name ? name : "";
    std::string problem = error ? error : "";
    if (problem.empty() && !(size >= 0 && size <= double(atlas::kMaxDataFileBytes)))
        problem = atlas::too_large(size > 0 ? std::size_t(std::min(size, 1e18)) : 0);
    if (!problem.empty()) {
        g_staged_problems.push_back({atlas::Problem::Severity::Error, n, "", "", problem});
        return reply({{"staged", false}});
    }
    g_staged.push_back({n, {}, std::size_t(size), [index](std::size_t at, char* out, std::size_t count) {
        return std::size_t(EM_ASM_INT({ return Module.textPiece($0, $1, $2, $3); }, index, int(at), out, int(count)));
    }});
    return reply({{"staged", true}});
}
EMSCRIPTEN_KEEPALIVE const char* atlas_api_load_staged() {
    std::vector<atlas::DataFile> files;
    std::vector<atlas::Problem> problems;
    take_staged(files, problems);
    return reply(g_app.load_data(std::move(files), std::move(problems)));
}
EMSCRIPTEN_KEEPALIVE const char* atlas_api_reset_data() { return reply(g_app.reset_data()); }
// The detailed basemap, fetched by the page after start-up and put in the virtual file system (a
// lost context rebuilds from it too).
EMSCRIPTEN_KEEPALIVE const char* atlas_api_fine_basemap() { return reply(g_app.fine_basemap_arrived()); }
EMSCRIPTEN_KEEPALIVE const char* atlas_api_act(const char* text) {
    const atlas::JsonDocument doc = atlas::parse_json(text ? text : "");
    if (!doc.ok()) return reply({{"error", "the action is not valid JSON: " + doc.error}});
    return reply(g_app.act(doc.value));
}
}
