// What the app needs from the platform, implemented once for native (platform/native/) and once for
// the web (platform/web/), chosen in CMake. This folder is the only place that knows which it is.
//
// Implemented features:
//  [x] SDL2 window with a GL 3.3 core (native) or WebGL2 (web) context, high-DPI aware
//  [x] main loop (a plain loop natively; the browser's animation frames on the web)
//  [x] native command line: --fullscreen --size WxH --data DIR --load FILE --check-data FILE...
//      --exec JSON --state --screenshot PNG --log-actions --frames N; files dropped on the window
//  [x] web: window.atlas API (state, act, visibleCities, screenPosition, links, labels, clusters,
//      panels, frameStats, loadData, resetData), window.mapReady / performance.mark('map-ready'),
//      window.mapError; ?data=URL and dropped files (web/atlas_api.js)
//  [x] opening a source link (a new browser tab; natively the link is copied to the clipboard)
//  [x] the view in the link: the page's address follows the view (history entries for steps,
//      replaced in place while the camera moves); Back/Forward and opened links apply it;
//      natively --view "<the part after #>"
//  [x] a lost GL context (a driver reset; webglcontextlost) is survived: every GL resource is rebuilt
//  [x] web: during a drag or zoom the compositor moves pictures of the map (web/map_pictures.js)
#pragma once
#include <SDL.h>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset_loader.h"
#include "core/declutter.h"

namespace atlas::platform {

struct Options {
    bool fullscreen = false;
    int display = 0;                    // --display N: which screen (a kiosk PC may drive several)
    int width = 1280, height = 800;
    std::string assets_dir;             // where basemap.bin, fonts/, shaders/ and data/ are
    std::string data_dir;               // data files; defaults to assets_dir + "/data"
    std::vector<std::string> check_files;  // --check-data: validate these files and exit
    std::vector<std::string> load_files;   // --load: data files loaded over the data folder, as if dropped
    std::vector<std::string> actions;   // --exec and --view (as viewFromUrl), applied in order after start-up
    bool print_state = false;           // --state
    std::string screenshot;             // --screenshot PATH
    bool log_actions = false;           // --log-actions: print every action applied, one JSON per line
    int max_frames = 0;                 // --frames N: quit after N frames (0: run until closed)
    bool hidden = false;                // no visible window (for --state and --screenshot)
    std::string record_dir;             // --record DIR: the timeline as a PNG sequence, then exit
    int record_frames = 0;              // --frames N with --record: how many frames (from the first year to the last)
    std::string record_tour;            // --tour ID with --record: record the tour instead
    bool embed = false;                 // inside another page (?embed=1): the map, a compact legend, a link out
    bool kiosk = false;                 // --kiosk, ?kiosk=1: a public touch screen (core/kiosk.h)
    bool touch_first = false;           // the page's main pointer is a finger (a phone, a tablet; --touch)
    std::string config_file;            // --config FILE: settings, e.g. its "kiosk" section
    double soak_days = 0;               // --soak DAYS: a simulated kiosk run at a fast clock (tests)
    int lose_context_every = 0;         // --lose-context N: the GL context is lost every N frames (tests)
    // The languages the person prefers, best first (--lang natively; the browser's languages on
    // the web); the first one the app has a catalogue for is the start language.
    std::vector<std::string> languages;
};

// Reads argv into options; false (after printing why, or the help) when the app should not start.
bool parse_command_line(int argc, char** argv, Options& out, int& exit_code);

struct Window {
    SDL_Window* sdl = nullptr;
    SDL_GLContext gl = nullptr;
};
bool create_window(const Options& options, Window& out, std::string& error);
void destroy_window(Window& w);
const char* glsl_version_header();  // prepended to every shader
const char* imgui_glsl_version();

// The hooks the platform uses to drive and query the app.
struct AppHooks {
    std::function<bool()> frame;                            // false: quit
    std::function<nlohmann::json(const nlohmann::json&)> act;
    std::function<nlohmann::json()> state;
    std::function<nlohmann::json()> visible_cities;
    std::function<nlohmann::json(const std::string&)> screen_position;
    std::function<nlohmann::json()> frame_stats;
    std::function<nlohmann::json()> panels;                 // open panels: name and rectangle
    std::function<std::string()> accessible;                // the HTML mirror's content as JSON text (app/accessible.cpp)
    std::function<nlohmann::json()> links;                  // the links drawn now
    std::function<nlohmann::json()> labels;                 // the city names drawn now, with rectangles
    std::function<nlohmann::json()> clusters;               // groups of close cities on the main map
    std::function<nlohmann::json()> strings;                // the catalogue of the current language
    std::function<nlohmann::json()> tours;                  // the tours, in the current language
    std::function<nlohmann::json()> fonts;                  // the font sizes drawn now
    std::function<nlohmann::json(const std::string&)> export_table;
    std::function<nlohmann::json(double scale)> export_image;  // asks for a picture at the next frame
    // The timeline (or a tour, when named) as a PNG sequence in `dir`.
    std::function<bool(const std::string& dir, int frames, const std::string& tour)> record;
    // A recording the browser drives frame by frame (a WebM video; see App::record_begin).
    std::function<nlohmann::json(const nlohmann::json&)> record_begin;
    std::function<nlohmann::json()> record_frame;
    std::function<void()> record_end;
    // Data files from the user (dropped on the page, or fetched from ?data=), and the files that
    // could not be fetched (`problems`), merged over what was loaded in one go. Returns the new state.
    std::function<nlohmann::json(std::vector<atlas::DataFile> files, std::vector<atlas::Problem> problems)> load_data;
    std::function<nlohmann::json()> reset_data;             // back to the bundled data
    // assets/basemap-50m.bin came after start-up: it is in the file system now
    std::function<nlohmann::json()> fine_basemap_arrived;
    std::function<bool(const std::string&)> save_screenshot;
    std::function<void()> settle;                           // finish camera animations now
    std::function<bool()> idle;                             // nothing moves: the loop may wait for input
    std::function<bool()> resting;                          // only waiting for the camera to rest (no frames drawn)
    // A test clock: the next frames move the app's time on by `seconds` each instead of the time
    // that passed (negative: real time again). The soak test lives a week in minutes this way.
    std::function<void(double seconds)> test_clock;
};
// Runs the app to the end; returns the process exit code. Never returns on the web.
int run(const Options& options, AppHooks hooks);

void notify_ready();                          // the first complete frame with data is on screen
// How deep the stack has gone so far, of how much it has: on the web its 64 KB (cmake/app.cmake),
// painted when the app starts and read back for frameStats (the web tests hold it under half);
// natively {0, 0}: the system's stack is not the app's to size.
struct StackUse {
    std::size_t bytes = 0, deepest = 0;
};
StackUse stack_use();
void report_fatal(const std::string& message);
void open_url(const std::string& url);
// The view changed (its link form, without '#'): the web page's address follows it; a `step` (a
// filter, a selection, a year) is a new history entry, anything else replaces the current one.
void publish_view(const std::string& hash, bool step);
// What the accessible mirror shows changed (the cities, filters, selection or language): the page
// reads it again (web/mirror.js); natively there is no page.
void mirror_changed();
// The address of the full app showing the view `hash` (from an embedded page); "" natively.
std::string full_map_url(const std::string& hash);
// An exported picture (RGBA rows, top first): on the web it becomes a PNG that resolves
// atlas.exportImage() or downloads; natively it is written to the working folder.
// `name`: the file natively (the web names the download itself).
bool deliver_image(const std::string& name, int width, int height, const std::vector<unsigned char>& rgba);
// Gives the person a file: a download in the browser; natively written to the working folder.
void save_file(const std::string& name, const std::string& mime, const std::string& bytes);
// Copies a link to the view to the clipboard (natively the --view argument); returns what was copied.
std::string copy_view_link(const std::string& hash);
// Full screen and back (the page's, in a browser).
void toggle_fullscreen(Window& w);
// An export with progress and Cancel, run by the page ("image": the PNG at 2x; "video": the
// timeline as WebM); false where the platform has no such dialog (natively: the PNG is written).
bool start_export(const std::string& kind);
bool can_export_video();
// The presenter console: a second browser window that shows the next step and the notes and
// drives this one (web/console.html, over a BroadcastChannel); none natively.
bool has_presenter_console();
void open_presenter_console();
// Tells the console what runs now ({tour, presenter, blank, language} as JSON text).
void publish_presenter_status(const std::string& status);
// Kiosks: SIGTERM (natively) ends the app cleanly instead of killing it mid-frame; the frame loop
// asks whether it came. The watchdog heartbeat tells a supervisor (systemd's WatchdogSec through
// sd_notify) that frames are still being drawn, so a hung or black screen is restarted.
void watch_for_terminate();
bool terminate_requested();
void heartbeat();
// The log a technician reads: one line per event, with the time (stderr natively, the console on the web).
void log_line(const std::string& text);
// The GL context can be lost: a driver reset or a display unplugged natively (seen through the
// robustness extension), the browser taking it back on the web (webglcontextlost). While it is lost
// nothing can be drawn; the app lets go of its GL names, asks for a context again, and builds every
// GL resource anew. `restore_gl_context` makes a new context natively; on the web it is true once
// the browser has given the context back (webglcontextrestored).
bool gl_context_lost();
bool restore_gl_context(Window& w, std::string& error);
// After a big change (new data) freed memory goes back to the system, so a kiosk's memory does not
// creep up with each data reload (natively glibc keeps freed pages between live ones; the web's
// memory cannot shrink).
void trim_memory();
// The data files a link asks for (?data=) that the page had fetched by start-up, and the problems of
// those it could not fetch: merged in the first load, so the data is parsed and the map built once
// (the files still on their way come later, through load_data). Natively none (--load is read).
void take_early_data(std::vector<DataFile>& files, std::vector<Problem>& problems);
// The user's files once loaded (all of them, in order; none after a reset). In the browser their
// texts stay in the page (see JsonText), which keeps them gzip-compressed between merges and drops
// the others; natively they stay in the app.
void keep_user_files(const std::vector<DataFile>& files);
// The web page downloads the detailed basemap after the map is usable (fewer bytes before the first
// frame); natively it is read at start-up like every asset.
extern const bool kFineBasemapLater;
// How the panels' font texture holds a pixel's coverage (drawn white with it as alpha): natively one
// byte, a red texture the GL reads swizzled; WebGL 2 has no swizzle, so two (luminance and alpha).
enum class CoverageTexels { RedSwizzled, LuminanceAlpha };
extern const CoverageTexels kCoverageTexels;
// Logical window size, following the page's canvas size on the web.
void sync_window_size(Window& w);

// Pictures the browser's compositor moves while the map is dragged or zoomed, so that the page draws
// no frame until the gesture ends (Leaflet moves its layers the same way): a software renderer takes
// about 50 ms for a frame of this map, the compositor a millisecond or two to move a picture.
// `has_map_pictures`: the platform keeps them. `keep_map_picture` reads the frame drawn off the
// screen and bound now while it holds the map and its names alone, into one of two slots (a `draft`,
// seen only scaled in the middle of a zoom, drawn at half the width and height in its lower left
// corner: MapRenderer::draft_size), and answers which (-1: none); the picture shown until then stays
// until the new one has come. `warm_map_pictures`: such a read, once, before the first gesture (a
// software GL makes its pipeline then).
// `keep_panel_pictures` copies the panels' rectangles (logical pixels, corners of `rounding`) once
// they are drawn over it; `move_map_picture` shows them, each slot's picture where `places` says
// (scale 0: none kept there) and the panels where they were, over `background` (what the moved
// picture uncovers); `drop_map_pictures` shows the drawn frame again. Natively every frame is drawn:
// there are no pictures.
struct PicturePlace {
    double scale = 0, x = 0, y = 0;  // scaled by `scale`, its corner at (x, y) in logical pixels
};
bool has_map_pictures();
int keep_map_picture(bool draft);
void warm_map_pictures();
void keep_panel_pictures(const std::vector<Rect>& rects, float rounding);
bool move_map_picture(const PicturePlace (&places)[2], const float (&background)[3]);
void drop_map_pictures();

}  // namespace atlas::platform

namespace atlas::platform {
// Writes RGBA pixels (top row first) as a PNG; native only (the web build returns false).
bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);
}  // namespace atlas::platform
