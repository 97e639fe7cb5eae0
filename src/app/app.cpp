#include "app/app.h"

#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <span>
#include <utility>

#include "app/font_texture.h"
#include "core/basemap.h"
#include "core/export.h"
#include "core/hash.h"
#include "core/theme.h"
#include "render/offscreen.h"
#include "core/json_io.h"
#include "core/record_reader.h"

namespace atlas {
using json = nlohmann::json;

namespace {
// What search finds cities by in a language: its country names and the data's field names.
struct SearchNames {
    std::vector<std::pair<std::string, std::string>> countries;
    std::vector<std::pair<int, std::string>> fields;
    void add(const Catalogue& c, const std::vector<CreativeField>& data_fields) {
        for (auto& e : c.entries("country:")) countries.push_back(std::move(e));
        for (std::size_t k = 0; k < data_fields.size(); ++k)
            fields.push_back({int(k), c.lookup("field:" + data_fields[k].id, data_fields[k].name)});
    }
};

// Screen pixels per logical pixel the glyphs are rasterised at: a dense screen's (or the page
// zoomed, or the window moved to another screen), up to 2 (beyond, the atlas would grow past what
// phones like to hold; 3x screens scale 2x glyphs).
float glyph_density(int window_width, int drawable_width) {
    return std::clamp(std::round(float(drawable_width) / float(std::max(window_width, 1)) * 4) / 4, 1.0f, 2.0f);
}

// BasemapLayer::load's false: its file's countries made another mesh than they had measured.
std::string mesh_mismatch(const char* basemap) {
    return std::string("the ") + basemap + " basemap's mesh came out another size than it measured";
}

std::string gl_error_code(GLenum e) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04X", unsigned(e));
    return code;
}

// Draws `lists` as a frame of `display` (its size and scale).
void render_lists(ImDrawData display, std::vector<ImDrawList*> lists) {
    // (ImGui leaves out empty lists: WebGL 2 reads a bufferSubData of 0 bytes as "to the end")
    std::erase_if(lists, [](const ImDrawList* l) { return l->VtxBuffer.empty(); });
    display.CmdLists = lists.data(), display.CmdListsCount = int(lists.size());
    display.TotalVtxCount = display.TotalIdxCount = 0;
    for (const ImDrawList* l : lists) display.TotalVtxCount += l->VtxBuffer.Size, display.TotalIdxCount += l->IdxBuffer.Size;
    ImGui_ImplOpenGL3_RenderDrawData(&display);
}

// The basemaps' pictures, drawn through the panels' pipeline (render/raster_cache.h). ImGui's rows
// run top down, GL's bottom up.
void draw_texture(const render::TexturedRect& t) {
    const float height = float(t.framebuffer.y);
    const auto top_down = [&](float x, float y) { return ImVec2(x, height - y); };
    const auto texture = ImTextureID(std::intptr_t(t.texture));
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushTextureID(texture);
    list.PushClipRect(top_down(float(t.clip.x), float(t.clip.y + t.clip.w)), top_down(float(t.clip.x + t.clip.z), float(t.clip.y)));
    // (The backend puts blending back as it was once the list is drawn.)
    if (t.opaque) list.AddCallback([](const ImDrawList*, const ImDrawCmd*) { glDisable(GL_BLEND); }, nullptr);
    list.AddImage(texture, top_down(t.rect.x, t.rect.w), top_down(t.rect.z, t.rect.y), {0, t.uv_max.y}, {t.uv_max.x, 0});
    ImDrawData frame;
    frame.Valid = true, frame.DisplaySize = {float(t.framebuffer.x), height}, frame.FramebufferScale = {1, 1};
    render_lists(frame, {&list});
}

// The panels' pipeline, warmed up with the map's (MapRenderer::warm_up): their fonts' texture drawn
// into a pixel of the frame.
void warm_up_panels() {
    draw_texture(render::TexturedRect::pixel(GLuint(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID))));
}
}  // namespace

bool App::init(const platform::Options& options, std::string& error) {
    options_ = options;
    // The window and what the GL needs no data for first: a software GL (SwiftShader, llvmpipe) then
    // compiles the shaders and the first frame's pipelines in its own process while the data is
    // read, not after the first frame is drawn.
    if (!platform::create_window(options, window_, error)) return false;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the same layout at every start, for kiosks and tests
    ImGui_ImplSDL2_InitForOpenGL(window_.sdl, window_.gl);
    if (!start_gl(error)) return false;
    overrides_ = read_data_files(options.load_files, read_problems_);  // --load: merged in the same, first load
    platform::take_early_data(overrides_, read_problems_);              // and a link's ?data= that came in time
    // The bundled files, read once for the first load and their letters (not kept after).
    std::vector<Problem> unread;
    std::vector<DataFile> bundled = read_bundled(unread);
    LoadResult loaded = load(bundled, std::move(unread));
    for (const auto& p : loaded.problems) std::fprintf(stderr, "atlas: %s\n", p.to_string().c_str());
    if (loaded.dataset.cities.empty()) {
        error = "no usable city data in " + options.data_dir +
                (loaded.problems.empty() ? std::string() : ": " + loaded.problems.front().to_string());
        return false;
    }
    atlas_ = std::make_unique<Atlas>(std::move(loaded));
    std::vector<Problem> language_problems;
    SearchNames search_names;
    // Each catalogue's glyphs and search names are taken as it is read (only English is held after).
    catalogues_ = load_catalogues(options.assets_dir + "/i18n", language_problems, [&](const Catalogue& c) {
        for (const std::string& text : c.texts()) glyphs_.AddText(text.data(), text.data() + text.size());
        search_names.add(c, atlas_->data().fields);
    });
    for (const auto& p : language_problems) std::fprintf(stderr, "atlas: %s\n", p.to_string().c_str());
    atlas_->set_languages(catalogues_.languages());
    // Themes (assets/themes/themes.json), needed like the fonts: without one the app cannot draw.
    {
        std::string text, read_error;
        const std::string path = options.assets_dir + "/themes/themes.json";
        std::vector<Problem> theme_problems;
        if (read_file(path, text, read_error)) themes_ = load_themes(text, "themes.json", theme_problems);
        else theme_problems.push_back({Problem::Severity::Error, path, "", "", read_error});
        for (const auto& p : theme_problems) std::fprintf(stderr, "atlas: %s\n", p.to_string().c_str());
        if (themes_.empty()) {
            error = path + ": no usable theme";
            return false;
        }
        std::vector<std::string> ids;
        for (const auto& t : themes_) ids.push_back(t.id);
        atlas_->set_themes(ids);
    }
    atlas_->set_search_names(std::move(search_names.countries), std::move(search_names.fields));
    if (const std::string lang = choose_language(options.languages, catalogues_.languages()); !lang.empty())
        atlas_->act({{"type", "language"}, {"lang", lang}});
    fixed_list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    ui::apply_style(current_theme());
    styled_theme_ = atlas_->theme();
    glyphs_.AddRanges(ui::kTypedGlyphs);
    cover_glyphs(bundled);
    cover_glyphs(overrides_);
    platform::keep_user_files(overrides_);
    bundled = {};
    glyphs_changed_ = false;
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(window_.sdl, &w, &h);
    SDL_GL_GetDrawableSize(window_.sdl, &fb_w, &fb_h);
    font_density_ = glyph_density(w, fb_w);  // a phone's fonts rasterised once, at its density
    if (!ui::load_fonts(options.assets_dir, glyph_ranges_, fonts_, error, false, font_density_)) return false;
    if (!finish_gl(error)) return false;

    ui_state_.compact = compact_layout({w, h});  // the start view is framed for the layout it will have
    styled_touch_ = ui_state_.compact || options.touch_first;
    ui::apply_style(current_theme(), false, styled_touch_);
    atlas_->set_viewport({w, h}, covered({w, h}));
    log_actions();
    start_kiosk();
    frame_ms_.assign(240, 0.0f);
    last_counter_ = SDL_GetPerformanceCounter();
    next_gl_check_ = last_counter_ + 2 * SDL_GetPerformanceFrequency();
    return true;
}

// Every GL resource: the map's programs and buffers (the basemap meshes are made again from their
// files, so no copy stays in memory for a rare event) and the panels' (ImGui's backend's, and their
// fonts' texture). After a lost context; at start-up in two steps, the first before the data is read.
// Whether building went wrong is asked once, after a lost context; at start-up GL errors are left to
// log_gl_errors (in a browser each question waits for the GPU process: 5-9 ms at start-up).
bool App::build_gl(std::string& error) {
    if (!start_gl(error) || !finish_gl(error)) return false;
    if (const GLenum e = glGetError(); e != GL_NO_ERROR) return error = "GL error " + gl_error_code(e) + " while building", false;
    return true;
}

// What needs no data: the programs, the panels' GL objects (their fonts' texture made by finish_gl),
// the coarse basemap's mesh (its countries shaded with the Global South the renderer knows: at
// start-up none yet, finish_gl gives it), then the first frame's pipelines warmed up: the GL compiles
// them while the data is read.
bool App::start_gl(std::string& error) {
    for (int i = 0; i < 8 && glGetError() != GL_NO_ERROR; ++i) {}  // an old context's errors are not this one's
    BasemapFile coarse;
    if (!coarse.read(options_.assets_dir + "/basemap-110m.bin", error)) return false;
    ImGui_ImplOpenGL3_Init(platform::imgui_glsl_version());
    if (!make_panel_objects()) return error = "cannot make the panels' GL objects", false;
    if (!renderer_.init(options_.assets_dir + "/shaders", draw_texture, error)) return false;
    if (!renderer_.set_world_basemap(coarse)) return error = mesh_mismatch("coarse"), false;
    // After the mesh: warmed up with the basemap's own buffers, the first frame's basemap took the
    // GPU process half the time it did when they were still empty (60 against 127 ms, each draw timed).
    renderer_.warm_up(warm_up_panels);
    return true;
}

// The rest, once the data and the fonts are in: the fonts' texture, the countries' shades, the
// detailed basemap (natively), the style.
bool App::finish_gl(std::string& error) {
    // The web page fetches the detailed basemap once the map is usable (fine_basemap_arrived);
    // until then the coarse one stands in for it.
    BasemapFile fine;
    std::string fine_error;
    const bool have_fine = fine.read(options_.assets_dir + "/basemap-50m.bin", fine_error);
    if (!have_fine && !platform::kFineBasemapLater) return error = fine_error, false;
    if (!make_font_texture()) return error = "cannot make the panels' font texture", false;
    renderer_.shade_countries(atlas_->data().global_south());
    if (have_fine && !renderer_.set_detail_basemap(fine))
        return error = mesh_mismatch("detailed"), false;
    if (have_fine) pictures_.load_over = true;
    renderer_.set_style(render::MapStyle::from(current_theme()));
    pictures_.available = platform::has_map_pictures();
    return true;
}

// The panels' and names' vertices, let go before large work at rest (the detailed basemap's file
// and mesh): the web's memory keeps its highest level for good, and the work's passing needs fit in
// their room (0.5 MB; the names alone 0.2 MB) instead of growing it. The next frame makes them again
// (the names' room at once: ui::draw_placed_labels).
void App::release_draw_lists() {
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) window->DrawList->_ClearFreeMemory();
    ImGui::GetBackgroundDrawList()->_ClearFreeMemory();
    ImGui::GetForegroundDrawList()->_ClearFreeMemory();
    fixed_list_->_ClearFreeMemory();
}

// Once the map rests after the load (the detailed basemap in, or failed), what a gesture's first
// frame would have the GPU do first is done: the pictures' off-screen target and its copies for
// the page made, and the pipelines that draw into it (RGBA, not the screen's format) compiled. At
// the first drag they made tasks of 80-190 ms with a software GL on a slow machine (measured); now
// the GPU process does them while the visitor looks at the map, and the page does not wait for them.
void App::warm_pictures(glm::ivec2 framebuffer) {
    pictures_.warm = true;
    if (!pictures_.available || !pictures_.target.bind(framebuffer.x, framebuffer.y)) return;
    platform::warm_map_pictures();  // (copies of the target as it is: nothing is shown)
    pictures_.target.unbind();
    renderer_.warm_up(warm_up_panels, GL_RGBA8);
}

// Read from the file system, where the page put it.
json App::fine_basemap_arrived() {
    pictures_.load_over = true;  // (whether it loads or not)
    release_draw_lists();  // (before the file is read: it fits in their room too)
    BasemapFile fine;
    std::string error;
    if (!fine.read(options_.assets_dir + "/basemap-50m.bin", error)) return {{"error", error}};
    if (!renderer_.set_detail_basemap(fine)) return {{"error", mesh_mismatch("detailed")}};
    return {{"ok", true}};
}

// GL names die with their context; deleting them while it is lost does nothing on the GL side and
// frees the names (on the web, Emscripten's tables).
void App::release_gl() {
    renderer_.release();
    pictures_.target.release();
    pictures_.warm = false;
    if (ImGui::GetIO().BackendRendererUserData) ImGui_ImplOpenGL3_Shutdown();
}

// A lost context: let go of everything, get a context back (natively a new one; on the web when the
// browser gives it back), build everything again and draw. False while there is none to draw with.
bool App::recover_gl_context() {
    if (!gl_lost_ && !platform::gl_context_lost()) return true;
    if (!gl_lost_) {
        gl_lost_ = true;
        gl_lost_at_ = SDL_GetPerformanceCounter();
        release_gl();
        platform::log_line("gl: the context was lost; waiting for a new one");
    }
    std::string error;
    if (!platform::restore_gl_context(window_, error)) {
        if (!error.empty()) platform::log_line("gl: " + error + "; trying again");
        return false;
    }
    const Uint64 restored = SDL_GetPerformanceCounter();
    if (!build_gl(error)) {
        platform::log_line("gl: cannot build the map's resources again: " + error + "; trying again");
        release_gl();
        return false;
    }
    gl_lost_ = false;
    ++gl_recoveries_;
    settle_frames_ = std::max(settle_frames_, 3);  // draw at once, even if nothing else changed
    const auto ms = [](Uint64 from, Uint64 to) { return double(to - from) * 1000.0 / double(SDL_GetPerformanceFrequency()); };
    last_recovery_ms_ = ms(restored, SDL_GetPerformanceCounter());
    platform::log_line("gl: context back after " + std::to_string(std::lround(ms(gl_lost_at_, restored))) +
                       " ms; every GL resource rebuilt in " + std::to_string(std::lround(last_recovery_ms_)) + " ms");
    return true;
}

// GL errors are logged, never fatal: a driver's complaint must not take a kiosk down. glGetError
// waits for the GPU process in a browser, so it is asked at most once a second, first two seconds
// after the start (not while the first frame waits for the GPU), and not during a gesture (each
// took 2-3 ms of its frames; the GL keeps its flags until asked).
void App::log_gl_errors(bool in_gesture) {
    const Uint64 now = SDL_GetPerformanceCounter();
    if (in_gesture || now < next_gl_check_) return;
    next_gl_check_ = now + SDL_GetPerformanceFrequency();
    for (int i = 0; i < 8; ++i) {  // a lost context repeats its error forever; a few are enough
        const GLenum e = glGetError();
        if (e == GL_NO_ERROR) break;
        ++gl_errors_;
        platform::log_line("gl: error " + gl_error_code(e) + " in the last second's frames; drawing goes on");
    }
}

// A tour takes the keys a presenter's clicker sends (PageDown and PageUp, often also the arrows
// and Space); P and B are presenter mode and blanking.
bool App::handle_presenter_key(SDL_Keycode key) {
    auto act = [&](json a) { return !atlas_->act(a).contains("error"); };
    if (key == SDLK_p) return act({{"type", "presenter"}, {"on", !atlas_->presenter()}});
    if (key == SDLK_b && (atlas_->presenter() || atlas_->tour() >= 0)) return act({{"type", "blank"}, {"on", !atlas_->blank()}});
    if (atlas_->tour() < 0) return false;
    switch (key) {
        case SDLK_PAGEDOWN: case SDLK_RIGHT: case SDLK_SPACE: return act({{"type", "tourNext"}});
        case SDLK_PAGEUP: case SDLK_LEFT: return act({{"type", "tourPrev"}});
        case SDLK_HOME: return act({{"type", "tour"}, {"id", atlas_->data().tours[atlas_->tour()].id}, {"step", 1}});
        case SDLK_ESCAPE: return act({{"type", "tourExit"}});
        default: return false;
    }
}

namespace {
// '/' (with Shift it is '?' on many keyboards: the list of keys, an SDL_TEXTINPUT) and Ctrl+F.
bool asks_for_search(SDL_Keycode key, Uint16 mods) {
    return (key == SDLK_SLASH && !(mods & KMOD_SHIFT)) || (key == SDLK_f && (mods & KMOD_CTRL));
}
}  // namespace

// `mods`: the modifiers held when the key went down (the event's own: SDL's current state may
// already include later events of the same batch, such as Shift's release).
void App::handle_key(SDL_Keycode key, Uint16 mods) {
    if (handle_presenter_key(key)) return;
    const glm::dvec2 vp = atlas_->camera_controller().current().viewport;
    const double step = std::min(vp.x, vp.y) / 5;
    switch (key) {
        case SDLK_LEFT: atlas_->act({{"type", "pan"}, {"dx", step}, {"dy", 0}}); break;
        case SDLK_RIGHT: atlas_->act({{"type", "pan"}, {"dx", -step}, {"dy", 0}}); break;
        case SDLK_UP: atlas_->act({{"type", "pan"}, {"dx", 0}, {"dy", step}}); break;
        case SDLK_DOWN: atlas_->act({{"type", "pan"}, {"dx", 0}, {"dy", -step}}); break;
        case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: atlas_->act({{"type", "zoom"}, {"factor", 1.6}}); break;
        case SDLK_MINUS: case SDLK_KP_MINUS: atlas_->act({{"type", "zoom"}, {"factor", 1 / 1.6}}); break;
        case SDLK_HOME: case SDLK_0: case SDLK_KP_0: atlas_->act({{"type", "home"}}); break;
        case SDLK_SLASH: case SDLK_f:
            if (asks_for_search(key, mods))
                ui_state_.focus_search = ui::kFocusSearchFrames, typed_ahead_slash_ = key == SDLK_SLASH, typed_ahead_frames_ = 10;
            break;
        case SDLK_ESCAPE:  // back: the walk's city, then the selection
            if (ui_state_.keyboard_city >= 0) {
                end_walk();
            } else {
                atlas_->act({{"type", "select"}, {"id", nullptr}});
            }
            break;
        case SDLK_n: walk_cities(mods & KMOD_SHIFT ? -1 : 1); break;
        case SDLK_RETURN: case SDLK_KP_ENTER:
            if (ui_state_.keyboard_city >= 0) {
                const std::string id = atlas_->data().cities[ui_state_.keyboard_city].id;
                atlas_->act({{"type", "select"}, {"id", id}});
                end_walk();
            }
            break;
        case SDLK_SPACE: atlas_->act({{"type", atlas_->playing() ? "pause" : "play"}}); break;
        case SDLK_LEFTBRACKET:
        case SDLK_RIGHTBRACKET: {
            const int year = std::clamp(atlas_->timeline_year() + (key == SDLK_RIGHTBRACKET ? 1 : -1),
                                        atlas_->first_year(), atlas_->last_year());
            atlas_->act({{"type", "year"}, {"year", year}});
            break;
        }
        default: break;
    }
}

// A second tap or click near the first, soon after it. (SDL counts clicks for a mouse; a finger's
// taps, turned into clicks by SDL on the web, all count as first ones.)
bool App::double_tap(glm::dvec2 at, Uint32 now) {  // (the events' times: a slow frame may hold both taps)
    const bool second = now - last_tap_ms_ < 450 && glm::length(at - last_tap_at_) < 32;
    last_tap_ms_ = second ? 0 : now;  // a third tap starts again
    last_tap_at_ = at;
    return second;
}

// N: the next city on the map, nearest first from the middle of the free map where the walk began
// (Shift+N: the one before); the map brings it to the middle and rings it.
void App::walk_cities(int direction) {
    if (walk_.empty() || ui_state_.keyboard_city < 0) {
        const Camera& cam = atlas_->camera_controller().target();
        const glm::dvec2 from = cam.to_world(cam.focus());
        walk_ = atlas_->visible();
        std::stable_sort(walk_.begin(), walk_.end(), [&](int a, int b) {
            return glm::length(atlas_->positions()[a] - from) < glm::length(atlas_->positions()[b] - from);
        });
        walk_at_ = direction > 0 ? -1 : 0;
    }
    if (walk_.empty()) return;
    const int n = int(walk_.size());
    walk_at_ = ((walk_at_ + direction) % n + n) % n;
    const int city = walk_[walk_at_];
    ui_state_.keyboard_city = city;
    atlas_->act({{"type", "hover"}, {"id", atlas_->data().cities[city].id}});
    const Camera& cam = atlas_->camera_controller().target();
    const glm::dvec2 at = cam.to_screen(atlas_->positions()[city]);
    const glm::dvec2 focus = cam.focus();
    if (glm::length(at - focus) > std::min(cam.viewport.x, cam.viewport.y) * 0.25)
        atlas_->camera().pan_pixels(focus - at, !atlas_->reduced_motion());
}

// The walk is over (the city opened, Esc, the keyboard gone to the panels): its ring and tooltip go.
void App::end_walk() {
    if (ui_state_.keyboard_city < 0) return;
    atlas_->act({{"type", "hover"}, {"id", nullptr}});
    ui_state_.keyboard_city = -1;
    walk_.clear();
}

// The panels Tab goes through, in reading order: the search, the side column, the top bar, the
// selected city's details and links (on a phone: the search and the sheet).
void App::tab_panels(int direction) {
    static const char* const desktop[] = {"Search", "Filters", "Networks and links", "Tours", "Legend", "Statistics",
                                          "Timeline", "Details", "Links"};
    static const char* const phone[] = {"Search", "Sheet"};
    const std::vector<ui::OpenPanel> open = ui::open_panels();
    std::vector<std::string> order;
    for (const char* name : ui_state_.compact ? std::span<const char* const>(phone) : std::span<const char* const>(desktop))
        if (std::any_of(open.begin(), open.end(), [&](const ui::OpenPanel& p) { return p.name == name; })) order.push_back(name);
    if (order.empty()) return;
    std::string now;  // the panel that has the keyboard
    if (const ImGuiWindow* w = ImGui::GetCurrentContext()->NavWindow; w && keyboard_nav_) now = ui::panel_name(w->RootWindow);
    if (!focus_panel_.empty()) now = focus_panel_;  // Tab pressed again before the last one was done
    const auto at = std::find(order.begin(), order.end(), now);
    int next = at == order.end() ? (direction > 0 ? 0 : int(order.size()) - 1) : int(at - order.begin()) + direction;
    if (next < 0 || next >= int(order.size())) return leave_panels();  // past the last: back to the map
    end_walk();
    keyboard_nav_ = true;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    focus_panel_ = order[next];
    focus_tries_ = 4;
    ui_state_.unfold = focus_panel_;
    settle_frames_ = std::max(settle_frames_, 3);
}

void App::leave_panels() {
    keyboard_nav_ = false;
    focus_panel_.clear();
    leave_panels_ = true;
    ImGui::GetIO().ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::focus_requested_panel() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (std::exchange(leave_panels_, false)) ImGui::FocusWindow(nullptr);
    if (focus_panel_.empty()) return;
    ImGuiWindow* w = ImGui::FindWindowByName(("###" + focus_panel_).c_str());
    if (w && w->WasActive && !w->Collapsed) {
        ImGui::FocusWindow(w);
        ImGui::NavInitWindow(w, true);
        g.NavDisableHighlight = false;  // the ring shows where the keyboard is
        g.NavDisableMouseHover = true;
        focus_panel_.clear();
    } else if (--focus_tries_ <= 0) {
        focus_panel_.clear();
    }
    settle_frames_ = std::max(settle_frames_, 2);
}

// The city under the pointer, as the pointer moves and as the map moves under a still pointer.
void App::update_hover() {
    if (kiosk_) return;  // a touch screen has no hover: a finger's last place would keep a tooltip up
    // While the map moves under the pointer (a zoom easing, a flight) nothing is hovered (no tooltip
    // shows then, and picking at every frame of a zoom was a tenth of the frames' time in the
    // benchmark's profile). Once it rests, the city under the pointer is picked again.
    const bool map_moves = atlas_->camera_controller().moving();
    const int hit = !map_moves && on_map(last_mouse_) ? atlas_->pick(last_mouse_) : -1;
    if (hit != atlas_->hovered())
        atlas_->act({{"type", "hover"}, {"id", hit >= 0 ? json(atlas_->data().cities[hit].id) : json(nullptr)}});
}

// ImGui's WantCaptureMouse is a frame late; the panels' rectangles are not (see ui::over_panel).
// Not on a panel now. (ImGui's WantCaptureMouse is a frame late: a finger's tap jumps there from
// the last one, so after a tap on a panel the next tap on the map would be taken for the panel's.)
bool App::on_map(glm::dvec2 p) const {
    return !ImGui::IsAnyItemActive() && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) &&
           !ui::over_panel(float(p.x), float(p.y));
}

// Settings (--config) and kiosk mode (--kiosk, ?kiosk=1, or a "kiosk" section in the settings).
void App::start_kiosk() {
    json section;
    if (!options_.config_file.empty()) {
        std::string text, error;
        std::vector<Problem> problems;
        if (!read_file(options_.config_file, text, error)) {
            platform::log_line("configuration: " + error + "; the defaults apply");
        } else if (JsonDocument doc = parse_json(text); !doc.ok()) {
            platform::log_line("configuration: " + options_.config_file + ": " + doc.error + "; the defaults apply");
        } else {
            records::RecordReader top(doc.value, problems, options_.config_file, "");
            if (top.ok()) {
                top.integer("version", 1, 1, false);
                if (const json* k = top.get("kiosk", false)) section = *k;
                top.only({"format", "version", "kiosk"});
            }
        }
        for (const auto& p : problems) platform::log_line("configuration: " + p.to_string());
    }
    if (!options_.kiosk && section.is_null()) return;
    std::vector<Problem> problems;
    KioskConfig config = section.is_null() ? KioskConfig{} : read_kiosk_config(section, options_.config_file, *atlas_, problems);
    for (const auto& p : problems) platform::log_line("configuration: " + p.to_string());
    // The exit chord, e.g. "ctrl+alt+q": modifiers and one key.
    Uint16 mods = 0;
    SDL_Keycode key = SDLK_UNKNOWN;
    std::string part;
    for (std::size_t i = 0; i <= config.exit_chord.size(); ++i) {
        if (i < config.exit_chord.size() && config.exit_chord[i] != '+') {
            part += char(std::tolower((unsigned char)config.exit_chord[i]));
            continue;
        }
        if (part == "ctrl") mods |= KMOD_CTRL;
        else if (part == "alt") mods |= KMOD_ALT;
        else if (part == "shift") mods |= KMOD_SHIFT;
        else key = SDL_GetKeyFromName(part.c_str());
        part.clear();
    }
    if (key == SDLK_UNKNOWN || mods == 0) {
        platform::log_line("configuration: exitChord \"" + config.exit_chord + "\" is not modifiers and a key; ctrl+alt+q applies");
        config.exit_chord = "ctrl+alt+q";
    } else {
        exit_key_ = key, exit_mods_ = mods;
    }
    kiosk_ = std::make_unique<Kiosk>(config);
    kiosk_->on_log(platform::log_line);
    platform::watch_for_terminate();
    SDL_ShowCursor(SDL_DISABLE);  // a touch screen: no pointer sitting on the map
    ui::apply_style(current_theme(), presenter_fonts_, styled_touch_ = true);
    platform::log_line("start: kiosk mode, " + std::to_string(atlas_->data().cities.size()) + " cities, " +
                       std::to_string(atlas_->data().tours.size()) + " tours; idle " + std::to_string(int(config.idle_seconds)) +
                       " s, countdown " + std::to_string(int(config.countdown_seconds)) + " s; exit: " + config.exit_chord +
                       " or SIGTERM");
}

// A kiosk's visitor cannot leave (Esc, Alt+F4, closing the window); the technician's chord can. A
// touch during the countdown or the attract loop only wakes the kiosk.
bool App::kiosk_event(const SDL_Event& e) {
    if (!kiosk_) return false;
    switch (e.type) {
        case SDL_QUIT: return true;  // a window manager's close; SIGTERM is watched apart
        case SDL_DROPFILE: SDL_free(e.drop.file); return true;  // no data loading on a kiosk
        case SDL_KEYDOWN:
            // The modifiers held with this key (not the keyboard's state now: a quick chord is over by then).
            if (const Uint16 held = e.key.keysym.mod; e.key.keysym.sym == exit_key_ &&
                ((held & KMOD_CTRL) != 0) == ((exit_mods_ & KMOD_CTRL) != 0) &&
                ((held & KMOD_ALT) != 0) == ((exit_mods_ & KMOD_ALT) != 0) &&
                ((held & KMOD_SHIFT) != 0) == ((exit_mods_ & KMOD_SHIFT) != 0)) {
                platform::log_line("exit: the exit chord");
                running_ = false;
                return true;
            }
            [[fallthrough]];
        case SDL_MOUSEBUTTONDOWN:
        case SDL_FINGERDOWN:
        case SDL_MOUSEWHEEL:
            if (kiosk_->touched(*atlas_)) {
                swallow_release_ = e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN;
                return true;
            }
            return false;
        case SDL_MOUSEBUTTONUP:
        case SDL_FINGERUP:
            if (!swallow_release_) return false;
            swallow_release_ = false;
            return true;
        case SDL_MOUSEMOTION:  // moving counts as being there, but does not wake the attract loop
            if (kiosk_->phase() == Kiosk::Phase::Exploring) kiosk_->touched(*atlas_);
            return kiosk_->phase() != Kiosk::Phase::Exploring;
        default: return false;
    }
}

void App::handle_event(const SDL_Event& e) {
    if (kiosk_event(e)) return;
    // '/' asks for the search box, which takes the keyboard a frame or two later: what is typed in
    // between (a quick typist, a slow device) waits for it instead of being lost.
    if (e.type == SDL_TEXTINPUT && std::string(e.text.text) == "?" && !ImGui::GetIO().WantTextInput &&
        typed_ahead_frames_ == 0 && !kiosk_) {  // '?' wherever it is on the keyboard: the list of keys
        ui_state_.show_keys = !ui_state_.show_keys;
        return;
    }
    if (e.type == SDL_TEXTINPUT && typed_ahead_frames_ > 0) {
        if (!std::exchange(typed_ahead_slash_, false) || std::string(e.text.text) != "/") typed_ahead_ += e.text.text;
        return;  // (the '/' that asked for the box is not a search)
    }
    if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_TAB && !kiosk_ && !(e.key.keysym.mod & (KMOD_CTRL | KMOD_ALT))) {
        tab_panels(e.key.keysym.mod & KMOD_SHIFT ? -1 : 1);
        return;
    }
    if (keyboard_nav_ && !ImGui::GetIO().WantTextInput && e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE &&
        !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
        leave_panels();
        return;
    }
    if (e.type == SDL_MOUSEBUTTONDOWN && keyboard_nav_ && on_map({e.button.x, e.button.y})) leave_panels();
    SDL_Event event = e;
    if (keyboard_nav_ && !ImGui::GetIO().WantTextInput && (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) &&
        (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER))
        event.key.keysym.scancode = SDL_SCANCODE_SPACE;  // Enter presses the focused button, as Space does
    ImGui_ImplSDL2_ProcessEvent(&event);
    mouse_given_.take(event);
    const ImGuiIO& io = ImGui::GetIO();
    auto id_of = [&](int i) { return i >= 0 ? json(atlas_->data().cities[i].id) : json(nullptr); };
    switch (e.type) {
        case SDL_QUIT: running_ = false; break;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.button == SDL_BUTTON_LEFT && on_map({e.button.x, e.button.y})) {
                pressing_ = true;
                dragging_ = false;
                press_at_ = last_mouse_ = {e.button.x, e.button.y};
            }
            break;
        case SDL_MOUSEMOTION: {
            const glm::dvec2 m{e.motion.x, e.motion.y};
            ui_state_.keyboard_city = -1;  // the pointer is back: it hovers, not the walk
            pointer_seen_ = true;
            if (pressing_ && !dragging_ && glm::length(m - press_at_) > 4) dragging_ = true;
            // Dragging is direct manipulation: the map follows the pointer without easing.
            if (dragging_) atlas_->camera().pan_pixels(m - last_mouse_, false);
            last_mouse_ = m;
            if (!dragging_) update_hover();
            break;
        }
        case SDL_MOUSEBUTTONUP:
            if (e.button.button == SDL_BUTTON_LEFT && pressing_ && !dragging_) {
                const glm::dvec2 at{e.button.x, e.button.y};
                if (const Cluster* c = atlas_->cluster_at(at)) {  // a cluster opens: fly to its cities
                    json ids = json::array();
                    for (int m : c->members) ids.push_back(atlas_->data().cities[m].id);
                    atlas_->act({{"type", "fit"}, {"ids", ids}});
                } else if (double_tap(at, e.button.timestamp) && atlas_->pick(at) < 0) {  // a double tap (or click) on the map zooms in there
                    atlas_->camera().zoom_at(at, 2.0);
                } else {
                    atlas_->act({{"type", "select"}, {"id", id_of(atlas_->pick(at))}});
                }
            }
            if (e.button.button == SDL_BUTTON_LEFT) pressing_ = dragging_ = false;
            break;
        case SDL_MOUSEWHEEL:
            if (on_map(last_mouse_) && e.wheel.preciseY != 0)
                atlas_->camera().zoom_at(last_mouse_, std::pow(1.25, std::clamp(double(e.wheel.preciseY), -4.0, 4.0)));
            break;
        case SDL_MULTIGESTURE:
            if (e.mgesture.numFingers == 2 && std::abs(e.mgesture.dDist) > 1e-4) {
                const glm::dvec2 vp = atlas_->camera_controller().current().viewport;
                pressing_ = dragging_ = false;  // a pinch is not a tap
                atlas_->camera().zoom_now({e.mgesture.x * vp.x, e.mgesture.y * vp.y}, 1.0 + e.mgesture.dDist * 4);
            }
            break;
        case SDL_DROPFILE:  // a data file dropped on the window
            load_paths({e.drop.file});
            SDL_free(e.drop.file);
            break;
        case SDL_KEYDOWN:
            switch (e.key.keysym.sym) {  // for the panels: presses ImGui 1.86 could miss (see UiState)
                case SDLK_RETURN: case SDLK_KP_ENTER: ui_state_.keys_pressed.push_back(ImGuiKey_Enter); break;
                case SDLK_UP: ui_state_.keys_pressed.push_back(ImGuiKey_UpArrow); break;
                case SDLK_DOWN: ui_state_.keys_pressed.push_back(ImGuiKey_DownArrow); break;
                case SDLK_ESCAPE: ui_state_.keys_pressed.push_back(ImGuiKey_Escape); break;
                default: break;
            }
            // A letter typed just after a click into the search box must not also be a key of the
            // map (P, B): the box is the active item already (a key after a click waits a frame).
            // '/' and Ctrl+F ask for the search box whenever nothing is being typed: a panel's button
            // held in the last frame (clicked, on a slow device, just before the loop slept) must
            // not swallow them.
            if ((!io.WantCaptureKeyboard && !ImGui::IsAnyItemActive()) ||
                (asks_for_search(e.key.keysym.sym, e.key.keysym.mod) && !io.WantTextInput))
                handle_key(e.key.keysym.sym, e.key.keysym.mod);
            break;
        default: break;
    }
}

void App::MouseAsGiven::take(const SDL_Event& e) {
    const auto button = [](Uint8 b) { return b == SDL_BUTTON_LEFT ? 0 : b == SDL_BUTTON_RIGHT ? 1 : b == SDL_BUTTON_MIDDLE ? 2 : -1; };
    if (e.type == SDL_MOUSEMOTION) known = true, pos = ImVec2(float(e.motion.x), float(e.motion.y));
    if (e.type != SDL_MOUSEBUTTONDOWN && e.type != SDL_MOUSEBUTTONUP) return;
    known = true, pos = ImVec2(float(e.button.x), float(e.button.y));
    if (const int b = button(e.button.button); b >= 0) down[b] = e.type == SDL_MOUSEBUTTONDOWN;
}

void App::MouseAsGiven::apply(ImGuiIO& io) const {
    if (known && ImGui::IsMousePosValid(&io.MousePos)) io.MousePos = pos;  // (invalid: the pointer is away)
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = down[b];
}

bool App::frame() {
    const Uint64 start = SDL_GetPerformanceCounter();
    const double dt = test_dt_ >= 0 ? test_dt_ : double(start - last_counter_) / double(SDL_GetPerformanceFrequency());
    last_counter_ = start;

    platform::sync_window_size(window_);
    SDL_Event e;
    bool input = false;
    ui_state_.keys_pressed.clear();
    // ImGui 1.86 sees a frame's input as states, not in order, so the events of a slow frame (or a
    // test's) trickle over several frames, as ImGui 1.87's input queue does:
    // - a key released in the batch it was pressed in is released next frame (a quick tap would not
    //   reach ImGui's keyboard navigation);
    // - a click after a key, or a key after a click, waits with all that follows it: Escape and then
    //   a click on the search box opened the box and closed it at once; a click into the box and
    //   the letters typed next were taken before the box had the keyboard;
    // - so does a mouse button's second change (its release after its press, a press after a
    //   release): ImGui took two quick clicks for one long press begun at the first.
    std::vector<SDL_Event> events = std::exchange(deferred_input_, {});
    while (SDL_PollEvent(&e)) events.push_back(e);
    std::vector<SDL_Scancode> down;
    std::vector<Uint8> changed_buttons;
    bool typed = false, clicked = false, waiting = false;
    bool panel_input = false;  // input that may reach the panels: anything but the pointer or a finger moving, a wheel
    for (SDL_Event& ev : events) {
        const bool key = ev.type == SDL_KEYDOWN || ev.type == SDL_KEYUP || ev.type == SDL_TEXTINPUT;
        const bool mouse_button = ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEBUTTONUP;
        const bool button = mouse_button || ev.type == SDL_FINGERDOWN || ev.type == SDL_FINGERUP;
        const bool changed_again = mouse_button && std::find(changed_buttons.begin(), changed_buttons.end(), ev.button.button) !=
                                                       changed_buttons.end();
        waiting = waiting || (button && typed) || (key && clicked) || changed_again;
        if (waiting || (ev.type == SDL_KEYUP && std::find(down.begin(), down.end(), ev.key.keysym.scancode) != down.end())) {
            deferred_input_.push_back(ev);
            continue;
        }
        if (ev.type == SDL_KEYDOWN) down.push_back(ev.key.keysym.scancode);
        if (mouse_button) changed_buttons.push_back(ev.button.button);
        typed = typed || key, clicked = clicked || button;
        if (ev.type == SDL_WINDOWEVENT) drawn_key_ = 0;  // the window may need painting again (shown, uncovered)
        handle_event(ev);
        input = true;
        panel_input = panel_input || (ev.type != SDL_MOUSEMOTION && ev.type != SDL_MOUSEWHEEL && ev.type != SDL_FINGERMOTION &&
                                      ev.type != SDL_MULTIGESTURE);
    }
    if (!deferred_input_.empty()) settle_frames_ = std::max(settle_frames_, 2);
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(window_.sdl, &w, &h);
    SDL_GL_GetDrawableSize(window_.sdl, &fb_w, &fb_h);
    if (const float density = glyph_density(w, fb_w);
        atlas_->presenter() != presenter_fonts_ || density != font_density_ || glyphs_changed_)
        font_density_ = density, rebuild_fonts();
    ui_state_.compact = compact_layout({w, h});
    const bool touch = kiosk_ || ui_state_.compact || options_.touch_first;  // touch targets of 44 px and more
    if (atlas_->theme() != styled_theme_ || touch != styled_touch_) {  // the panels and the map take the theme together
        styled_theme_ = atlas_->theme();
        styled_touch_ = touch;
        ui::apply_style(current_theme(), presenter_fonts_, touch);
        renderer_.set_style(render::MapStyle::from(current_theme()));
    }
    catalogues_.let_go_all_but(atlas_->language());  // (read again when the language is chosen)
    atlas_->set_viewport({w, h}, covered({w, h}));
    const bool moving = atlas_->camera_controller().moving() || atlas_->playing();
    if (!recording_.active) atlas_->update(std::min(dt, 0.1));  // a recording keeps its own clock
    if (kiosk_) {
        kiosk_->update(*atlas_, test_dt_ >= 0 ? dt : std::min(dt, 1.0));
        if (platform::terminate_requested() && running_) platform::log_line("exit: SIGTERM"), running_ = false;
    }
    if (moving && !pressing_ && pointer_seen_) update_hover();

    if (!recover_gl_context()) return running_;  // nothing to draw with until a context is back

    // The basemap's picture (render/raster_cache.h) follows a moving camera shifted and scaled;
    // once the camera has rested a moment (no finger or button holding the map, no animation) it is
    // painted where it stands. Until then no frame is drawn, but the loop does not sleep.
    const Camera& cam = atlas_->camera_controller().current();
    if (drawn_frames_ == 0) rested_camera_ = cam;  // where the map starts is no move: its first frame is exact, not drawn twice
    if (!cam.same_view(rested_camera_) || pressing_ || atlas_->camera_controller().moving())
        rested_camera_ = cam, camera_moved_at_ = start;
    const bool exact = double(start - camera_moved_at_) >= kRestSeconds * double(SDL_GetPerformanceFrequency()) ||
                       !pending_screenshot_.empty();

    // Nothing new to show: keep the last picture (the window and the canvas keep it) and save the
    // CPU and GPU. ImGui gets a few frames after each change to settle hover states and sizes.
    const bool changed = input || moving || atlas_->revision() != drawn_revision_ ||
                         renderer_.version() != drawn_basemaps_ || fb_w != drawn_size_.x ||
                         fb_h != drawn_size_.y || !pending_screenshot_.empty() || image_scale_ > 0 || settle_frames_ > 0 ||
                         typed_ahead_frames_ > 0 || (map_shown_ != MapShown::Exact && exact) ||  // the rest has come: paint
                         ui_state_.link_copied_showing(ImGui::GetTime()) ||  // "Link copied" goes back by itself
                         (kiosk_ && kiosk_->phase() != Kiosk::Phase::Exploring);  // the countdown, the loop
    const bool settling = settle_frames_ > 0;  // (ImGui's own frames: hover states, sizes)
    if (settle_frames_ > 0) --settle_frames_;
    quiet_frames_ = changed ? 0 : quiet_frames_ + 1;
    if (quiet_frames_ > 3 && frames_ > 3) {
        // At rest, the map drawn exactly (before the web's loop stops asking for frames), once the
        // load is over: ready for the first gesture. (On the web, with the detailed basemap's
        // arrival, which wakes the page anyway: warmed at once, the software GL's work held the
        // frames after the first one back by 150-230 ms of the GPU process, slow machine.)
        if (!pictures_.warm && pictures_.load_over && map_shown_ == MapShown::Exact) warm_pictures(drawn_size_);
        return running_;
    }
    drawn_revision_ = atlas_->revision();
    drawn_basemaps_ = renderer_.version();
    drawn_size_ = {fb_w, fb_h};
    // The pictures show this frame as they are, moved: the panels are not laid out (see
    // panels_picture_stands_in), and the view is published by the next frame laid out (the address
    // follows it once it rests).
    // Whether the map's picture shows this frame's map, as far as can be told before the panels are laid out.
    const bool map_picture_holds = map_picture_stands_in(exact, {fb_w, fb_h});
    if (!settling && map_picture_holds && panels_picture_stands_in(panel_input) &&
        move_pictures(atlas_->camera_controller().current())) {
        ++pictures_.shown, ++pictures_.unlaid, ++pictures_.unlaid_in_a_row, map_shown_ = MapShown::Other;
        ++frames_;
        note_frame_time(start);
        return running_;
    }
    pictures_.unlaid_in_a_row = 0;
    publish_view();  // every change of the view is drawn, so only drawn frames can change the address

    // What was typed after '/' goes to the box once it has the keyboard (or, if it never comes, as typed).
    if (typed_ahead_frames_ > 0 &&
        (ui_state_.search_active || --typed_ahead_frames_ == 0)) {
        ImGui::GetIO().AddInputCharactersUTF8(typed_ahead_.c_str());
        typed_ahead_.clear();
        typed_ahead_frames_ = 0;
    }
    ImGui_ImplOpenGL3_NewFrame();
    // The fonts' pixels are on the GPU once their texture is made (build_gl, rebuild_fonts): their
    // copy goes (0.7 MB at 1024x702; the web's memory keeps its highest level). A lost context
    // rasterises them again.
    ImGui::GetIO().Fonts->ClearTexData();
    ImGui_ImplSDL2_NewFrame();
    mouse_given_.apply(ImGui::GetIO());
    ImGui::NewFrame();
    focus_requested_panel();
    ui::UiContext ctx{.atlas = *atlas_, .style = renderer_.style(), .fonts = fonts_, .state = &ui_state_};
    // The panels hold a reference to the atlas: new data replaces it only after the frame.
    if (!overrides_.empty() || !read_problems_.empty()) ctx.reset_data = [this] { reset_requested_ = true; };
    ctx.catalogues = &catalogues_;
    ctx.theme = &current_theme();
    ctx.themes = &themes_;
    if (!kiosk_) {  // a kiosk offers no downloads, links to copy or second windows
        ctx.download_table = [this](const std::string& format) {
            const json file = export_table(format);
            if (!file.contains("error")) platform::save_file(file["name"], file["mime"], file["text"]);
        };
        ctx.copy_link = [this] { return platform::copy_view_link(atlas_->view_link()); };
        ctx.download_image = [this] {
            if (!platform::start_export("image")) request_image(2);  // the page shows progress and Cancel first
        };
        if (platform::can_export_video()) ctx.export_video = [] { platform::start_export("video"); };
        if (platform::has_presenter_console()) ctx.open_console = [] { platform::open_presenter_console(); };
    } else {
        ctx.reset_data = nullptr;
        ctx.kiosk = true;
    }
    ctx.open_full_map = [this] { platform::open_url(platform::full_map_url(atlas_->view_link())); };
    if (!kiosk_) ctx.toggle_fullscreen = [this] { platform::toggle_fullscreen(window_); };
    ctx.side_inset = side_inset();
    // A gesture's frame that the map's picture will stand in for leaves the names over the map out:
    // they are in the picture.
    ctx.map_names = !map_picture_holds;
    fixed_list_->_ResetForNewFrame();
    fixed_list_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    fixed_list_->PushClipRectFullScreen();
    ctx.fixed_list = fixed_list_.get();
    ui_state_.items.clear();
    ui::draw_map_overlay(ctx);
    if (recording_.active) {
        ui::draw_recording_overlay(ctx, recording_.tour);
    } else if (kiosk_ && kiosk_->phase() == Kiosk::Phase::Attract) {  // the loop: the map and its story
        ui::draw_year(ctx, ImVec2(ui::kPanelMargin, ui::kPanelMargin));
        ui::draw_tour_bar(ctx, false);
        ui::draw_kiosk_invitation(ctx);
    } else if (atlas_->presenter()) {
        ui::draw_presenter_overlay(ctx);
        ui::draw_tour_bar(ctx);
    } else if (options_.embed) {
        ui::draw_embed_panel(ctx);
        ui::draw_details_panel(ctx);
        ui::draw_links_panel(ctx);
        ui::draw_link_notices_panel(ctx);
    } else {
        draw_panels(ctx);
        ui::draw_map_controls(ctx);
        ui::draw_keys_overlay(ctx);
        if (ui_state_.compact) keep_selection_in_view();
    }
    if (kiosk_ && kiosk_->phase() == Kiosk::Phase::Countdown) ui::draw_kiosk_countdown(ctx, kiosk_->countdown_left(),
                                                                                      kiosk_->config().countdown_seconds);
    ImGui::Render();
    // A frame the same as the one on screen is not drawn again (a press, a pointer moving over
    // nothing). During a gesture, pictures stand in for frames while they show what the frame
    // would, but for the camera; a frame is drawn when that changes, and the pictures it needs are
    // kept from it.
    const Camera& camera = atlas_->camera_controller().current();
    const FrameKeys keys = frame_keys({fb_w, fb_h}, camera);
    const bool in_gesture = gesture(exact);
    const bool keep_map = in_gesture && (!pictures_.map() || keys.map != pictures_.map_key || !pictures_cover(camera));
    const bool keep_panels = in_gesture && (!pictures_.panels || keys.panels != pictures_.panels_key);
    // (Before the rest, too: the frames ImGui settles in after a zoom drew the same map again.)
    const bool unchanged = !in_gesture && (map_shown_ == MapShown::Exact || (map_shown_ == MapShown::Rough && !exact)) &&
                           keys.frame == drawn_key_ && image_scale_ == 0 &&
                           pending_screenshot_.empty();
    // The frame, and the pictures a gesture needs kept from it.
    // (Off the screen, with the panels' pictures as they are, nothing is kept of what is drawn over the map.)
    const auto draw_frame = [&](bool off_screen) {
        draw_layers({fb_w, fb_h}, *ImGui::GetDrawData(), panel_lists(), exact, keep_map, off_screen && !keep_panels);
        if (keep_panels && pictures_.map()) keep_panel_pictures(keys.panels);
        if (keep_map) pictures_.map_key = keys.map;
    };
    bool moved = false;
    if (in_gesture) {
        // Kept from a frame drawn off the screen, the page shows the pictures before them meanwhile.
        const bool keep = keep_map || keep_panels;
        const bool off_screen = keep && pictures_.available && pictures_.target.bind(fb_w, fb_h);
        if (off_screen) draw_frame(true), pictures_.target.unbind(), ++pictures_.kept_off_screen;
        if (!keep || off_screen) {
            moved = move_pictures(camera);
            if (moved) ++pictures_.shown, map_shown_ = MapShown::Other;  // the compositor shows this frame; one is drawn at rest
            else drop_pictures();  // they never came (a lost context): kept again
        }
    }
    // The first two frames only lay the panels out: ImGui sizes a window in its first frame and shows
    // it from the next, and a scrolled window's scrollbar takes one more (the Filters' moved 5 px,
    // which drew the whole map again after the first). Drawing them would make the first complete
    // frame wait for the GPU more than once.
    const bool layout_only = frames_ < kLayoutFrames;
    if (!unchanged && !moved && !layout_only) {
        if (!ctx.map_names) settle_frames_ = std::max(settle_frames_, 1);  // drawn without its names after all: again with them
        draw_frame(false);
        // (A zoom's last frame paints the basemap's picture where the camera stopped: the frame at
        // rest would be the same.)
        map_shown_ = !renderer_.settled() ? MapShown::Other : exact || renderer_.drew_exact() ? MapShown::Exact : MapShown::Rough;
        drawn_key_ = keys.frame;
        ++drawn_frames_;
        if (in_gesture && pictures_.map()) move_pictures(camera);  // shown from the next frame, or as they come
        if (!in_gesture && (pictures_.map() || pictures_.panels)) drop_pictures();
        if (image_scale_ > 0) render_image(ctx, {w, h});
        if (!pending_screenshot_.empty()) {
            screenshot_ok_ = platform::write_png(pending_screenshot_, fb_w, fb_h, renderer_.read_pixels(fb_w, fb_h));
            pending_screenshot_.clear();
        }
    }
    note_frame_time(start);
    log_gl_errors(in_gesture);
    if (!unchanged && !moved && !layout_only) SDL_GL_SwapWindow(window_.sdl);  // (a swap without drawing would show an old back buffer)
    if (reset_requested_) {
        reset_requested_ = false;
        reset_data();
    }
    if (++frames_ == kLayoutFrames + 1) platform::notify_ready();  // the first complete frame is on screen
    // The first frames only laid the panels out: the first one drawn follows at once, not a display
    // refresh later.
    if (frames_ <= kLayoutFrames && running_) return frame();
    return running_;
}

// The frame's time since `start`, for frame_stats.
void App::note_frame_time(Uint64 start) {
    frame_ms_[frame_index_++ % frame_ms_.size()] =
        float(double(SDL_GetPerformanceCounter() - start) * 1000.0 / double(SDL_GetPerformanceFrequency()));
}

// A gesture moves the map alone: a drag, a wheel or key zoom or pan, a pinch, and after a pan the
// moment until the map is painted where it rests (a zoomed picture is blurred: a frame is drawn at
// once); not a click, a flight (it zooms out and in far beyond what a picture can show), the
// timeline playing, or anything that reads the frame back.
bool App::gesture(bool exact) const {
    const CameraController& camera = atlas_->camera_controller();
    const ImDrawList* over_all = ImGui::GetForegroundDrawList();  // the presenter's blank screen, a kiosk's countdown
    const bool panned = pictures_.map() && camera.current().scale == pictures_.camera().scale;
    return !exact && (dragging_ || camera.moving() || panned) && !camera.flying() && !atlas_->playing() &&
           image_scale_ == 0 && pending_screenshot_.empty() && !recording_.active && over_all->VtxBuffer.empty() &&
           !(kiosk_ && kiosk_->phase() != Kiosk::Phase::Exploring);
}

// Whether the map's picture, moved, shows a gesture's frame as the map is now: its key (all it
// shows but the camera) is this frame's, and it covers the view.
bool App::map_picture_stands_in(bool exact, glm::ivec2 framebuffer) const {
    return gesture(exact) && pictures_.map() && map_key(framebuffer) == pictures_.map_key &&
           pictures_cover(atlas_->camera_controller().current());
}

// Whether the panels' pictures show a frame whose map's picture stands in, without laying the
// panels out: ImGui's frame was a third of a drag's main-thread script, for panels that do not
// change while the map moves. Nothing the panels show has changed since the last frame laid out
// (no input but the pointer or a finger moving, or a wheel, away from the panels; nothing active or
// opening; nothing that changes by itself), and one frame in four is laid out all the same: what
// changes the panels unforeseen shows at most three frames late, and the picture is kept again then.
bool App::panels_picture_stands_in(bool panel_input) const {
    constexpr int kUnlaidInARow = 3;
    return pictures_.available && pictures_.panels && pictures_.unlaid_in_a_row < kUnlaidInARow &&
           frames_ > kLayoutFrames && !panel_input && deferred_input_.empty() && typed_ahead_frames_ == 0 &&
           !ui::over_panel(float(last_mouse_.x), float(last_mouse_.y)) && !ImGui::IsAnyItemActive() &&
           !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) && !ui_state_.link_copied_showing(ImGui::GetTime());
}

// What a frame shows, as keys that change when it does. `map`: what the map's picture shows but
// the camera (cities, hover, selection, fades, theme, size; the names and counts over the map move
// with it, and are placed again when it rests). `panels`: the panels' pixels as ImGui is about to
// draw them (a hover or a blinking cursor changes them). `frame`: the whole frame.
App::FrameKeys App::frame_keys(glm::ivec2 framebuffer, const Camera& camera) const {
    auto mix_list = [](Fnv1a& h, const ImDrawList* list) {
        h.mix(list->VtxBuffer.Data, std::size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        h.mix(list->IdxBuffer.Data, std::size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : list->CmdBuffer) h.mix(c.ClipRect).mix(c.TextureId).mix(c.ElemCount);
    };
    Fnv1a panels, frame;
    panels.mix(framebuffer);
    for (const ImDrawList* list : panel_lists()) mix_list(panels, list);
    mix_list(panels, fixed_list_.get());  // (the inset's and the attribution's pictures are kept with the panels')
    FrameKeys k{map_key(framebuffer), panels.value, 0};
    frame.mix(glm::dvec3{camera.center, camera.scale});
    mix_list(frame, ImGui::GetBackgroundDrawList());
    frame.mix(gl_recoveries_).mix(k.map).mix(k.panels);  // (gl_recoveries_: a new context holds nothing yet)
    k.frame = frame.value;
    return k;
}

std::uint64_t App::map_key(glm::ivec2 framebuffer) const {
    return Fnv1a{}.mix(atlas_->revision()).mix(renderer_.version()).mix(framebuffer)
        .mix(atlas_->theme().data(), atlas_->theme().size()).value;
}

// Whether the map's picture, moved to `camera`, still shows enough of the view: it is no more than
// four times larger (blurred, but a frame drawn in the middle of a zoom stalls it for 150 ms or more
// with a software GL) or smaller, and leaves no more than half the view's width or height bare.
bool App::pictures_cover(const Camera& camera) const {
    const platform::PicturePlace p = picture_place(pictures_.camera(), camera);
    const glm::dvec2 corner{p.x, p.y}, far = corner + pictures_.camera().viewport * p.scale;
    const glm::dvec2 bare = glm::max(corner, 0.0) + glm::max(camera.viewport - far, 0.0);
    return p.scale <= 4 && p.scale >= 0.25 && bare.x <= camera.viewport.x / 2 && bare.y <= camera.viewport.y / 2;
}

// Where a picture the map was kept in as `picture` shows goes for `camera`: how much larger
// `camera` shows the map, and where the picture's corner goes.
platform::PicturePlace App::picture_place(const Camera& picture, const Camera& camera) {
    const glm::dvec2 corner = camera.to_screen(picture.to_world({0, 0}));
    return {camera.scale / picture.scale, corner.x, corner.y};
}

// Moves the kept pictures to where `camera` shows the map (false: the platform has none to move).
bool App::move_pictures(const Camera& camera) {
    const Color& bg = renderer_.style().background;
    const float background[3] = {bg.r, bg.g, bg.b};
    platform::PicturePlace places[2];
    for (int i = 0; i < 2; ++i)
        if (pictures_.slots[i]) places[i] = picture_place(*pictures_.slots[i], camera);
    return platform::move_map_picture(places, background);
}

void App::drop_pictures() {
    platform::drop_map_pictures();
    pictures_.panels = false;
    pictures_.slots[0] = pictures_.slots[1] = std::nullopt;
}

// The framebuffer holds the map and its names alone: a picture of it is kept as the camera shows it.
void App::keep_map_picture(bool draft) {
    const int slot = platform::keep_map_picture(draft);
    if (slot < 0) return pictures_.slots[pictures_.newest].reset();
    pictures_.newest = slot;
    pictures_.slots[slot] = atlas_->camera_controller().current();
}

// The lists of the frame ImGui has just ended, but its background list (the names over the map).
std::vector<ImDrawList*> App::panel_lists() const {
    const ImDrawData& data = *ImGui::GetDrawData();
    std::vector<ImDrawList*> out;
    for (int i = 0; i < data.CmdListsCount; ++i)
        if (data.CmdLists[i] != ImGui::GetBackgroundDrawList()) out.push_back(data.CmdLists[i]);
    return out;
}

// A frame's layers, bottom up: the map; what is drawn over it (ImGui's background list, with the
// names and counts); the inset of Mexico, its names and the attribution; then `top` (the panels, or
// an export's card). `frame`: the display's size and scale. During a gesture a picture is kept of
// the map with its names (`keep_map`), before the rest is drawn over it; `map_only`: the rest is not
// drawn (a frame drawn off the screen for the map's picture alone).
void App::draw_layers(glm::ivec2 framebuffer, ImDrawData frame, std::vector<ImDrawList*> top, bool exact, bool keep_map,
                      bool map_only) {
    // A frame in the middle of a zoom is seen only scaled, and replaced once the zoom rests: its
    // basemap is a draft. Where pictures are kept of it, the map is drawn for its picture at half
    // the width and height (a software GL's work, and the pixels read back, a quarter), and in full
    // again only for panels drawn over it.
    const CameraController& camera = atlas_->camera_controller();
    const bool draft = keep_map && camera.target().scale != camera.current().scale;  // (never for an exact frame)
    const bool half = draft && pictures_.available;
    renderer_.prepare(*atlas_);
    if (half) {
        renderer_.draw(*atlas_, framebuffer.x, framebuffer.y, exact, true, true);
        ImDrawData names = frame;  // (the names over it too)
        const glm::vec2 scale = glm::vec2(render::MapRenderer::draft_size(framebuffer)) / glm::vec2(framebuffer);
        names.FramebufferScale.x *= scale.x, names.FramebufferScale.y *= scale.y;
        render_lists(names, {ImGui::GetBackgroundDrawList()});
        keep_map_picture(true);
        if (map_only) return;
    }
    renderer_.draw(*atlas_, framebuffer.x, framebuffer.y, exact, draft);
    render_lists(frame, {ImGui::GetBackgroundDrawList()});
    if (keep_map && !half) keep_map_picture(false);
    if (map_only) return;
    renderer_.draw_inset(*atlas_, framebuffer.x, framebuffer.y);
    top.insert(top.begin(), fixed_list_.get());
    render_lists(frame, std::move(top));
}

// Pictures of the panels, the inset and the attribution, as just drawn (the inset's with its frame).
void App::keep_panel_pictures(std::uint64_t key) {
    std::vector<Rect> rects = ui::rendered_windows();
    if (const Atlas::Inset& in = atlas_->inset(); in.shown) rects.push_back({in.rect.x - 2, in.rect.y - 2, in.rect.w + 4, in.rect.h + 4});
    if (ui_state_.attribution.w > 0) rects.push_back(ui_state_.attribution);
    platform::keep_panel_pictures(rects, ImGui::GetStyle().WindowRounding);
    pictures_.panels = true;
    pictures_.panels_key = key;
}

// A picture of the view is drawn at the next frame (it needs the frame's labels).
json App::request_image(double scale) {
    json size = image_size(scale);
    if (!size.contains("error")) image_scale_ = scale;
    return size;
}

// The picture's size at `scale` times the window, or why it cannot be drawn.
json App::image_size(double scale) const {
    const glm::dvec2 vp = atlas_->camera_controller().current().viewport;
    if (!std::isfinite(scale) || scale < 0.25 || scale > 4 || vp.x * scale > kMaxImageSide || vp.y * scale > kMaxImageSide)
        return {{"error", "the scale must be within 0.25..4 and the picture at most " + std::to_string(int(kMaxImageSide)) +
                              " pixels a side"}};
    return {{"width", std::lround(vp.x * scale)}, {"height", std::lround(vp.y * scale)}};
}

// The map at `scale` times the window's size in a framebuffer of its own, with the frame's labels,
// inset and attribution and the export card, but none of the panels.
void App::render_image(const ui::UiContext& ctx, glm::ivec2 size) {
    const double scale = image_scale_;
    image_scale_ = 0;
    const int w = int(std::lround(size.x * scale)), h = int(std::lround(size.y * scale));
    render::Offscreen picture;
    if (!picture.begin(w, h)) {
        std::fprintf(stderr, "atlas: the GL cannot draw a %dx%d picture\n", w, h);
        return;
    }
    ImDrawList card(ImGui::GetDrawListSharedData());
    ImDrawData data = *ImGui::GetDrawData();
    std::vector<ImDrawList*> top;
    if (recording_.active) {  // a video's frame: the map with the recording's overlay, as on screen
        top = panel_lists();
    } else {  // a picture: the map with its names and the export card
        card._ResetForNewFrame();
        card.PushTextureID(ImGui::GetIO().Fonts->TexID);
        card.PushClipRect(ImVec2(0, 0), ImVec2(float(size.x), float(size.y)));
        ui::draw_export_card(ctx, &card);
        top.push_back(&card);
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImVec2(float(size.x), float(size.y));
    }
    data.FramebufferScale = ImVec2(float(scale), float(scale));
    draw_layers({w, h}, data, top, true, false, false);
    image_delivered_ = platform::deliver_image(image_name_.empty() ? "atlas-sur.png" : image_name_, w, h, picture.finish());
}

// Starts a recording: {what: "timeline" | "tour", tour, fps (1..60), seconds (the timeline's
// length, 1..600) or frames, scale (0.25..4, of the window), hold (a tour's seconds per settled step)}.
json App::record_begin(const json& o) {
    if (!o.is_object()) return {{"error", "the options must be an object"}};
    Recording r;
    auto number = [&](const char* key, double fallback, double lo, double hi, double& out) -> bool {
        const auto it = o.find(key);
        out = it == o.end() ? fallback : it->is_number() ? it->get<double>() : NAN;
        return std::isfinite(out) && out >= lo && out <= hi;
    };
    double seconds = 0, frames = 0, hold = 0;
    if (!number("fps", 30, 1, 60, r.fps)) return {{"error", "\"fps\" must be within 1..60"}};
    if (!number("scale", 1, 0.25, 4, r.scale)) return {{"error", "\"scale\" must be within 0.25..4"}};
    if (!number("seconds", 8, 1, 600, seconds)) return {{"error", "\"seconds\" must be within 1..600"}};
    if (!number("frames", 0, 0, 100000, frames)) return {{"error", "\"frames\" must be within 1..100000"}};
    if (!number("hold", 3, 0, 60, hold)) return {{"error", "\"hold\" must be within 0..60 seconds"}};
    const std::string what = o.value("what", "timeline");
    r.tour = what == "tour";
    if (!r.tour && what != "timeline") return {{"error", "\"what\" must be \"timeline\" or \"tour\""}};
    const json size = image_size(r.scale);
    if (size.contains("error")) return size;
    r.before = atlas_->view();
    r.camera = atlas_->camera_controller().target();
    if (r.tour) {
        const json started = atlas_->act({{"type", "tour"}, {"id", o.value("tour", "")}});
        if (started.contains("error")) return started;
    }
    r.frames = r.tour ? 0 : frames > 0 ? int(frames) : std::max(2, int(std::lround(seconds * r.fps)));
    r.hold = int(std::lround(hold * r.fps));
    r.active = true;
    recording_ = std::move(r);
    settle_frames_ = 3;  // the recording's layout (legend, caption) takes a few frames to settle
    while (settle_frames_ > 0) frame();
    if (!recording_.tour) atlas_->camera().finish();
    return {{"width", size["width"]}, {"height", size["height"]}, {"fps", recording_.fps}, {"frames", recording_.frames}};
}

// The next picture: the clock moves one frame on, the frame is drawn and its picture delivered.
json App::record_frame() {
    Recording& r = recording_;
    if (!r.active || r.done) return {{"error", "no recording under way"}};
    if (r.tour) {
        if (r.frame > 0) atlas_->update(1.0 / r.fps);  // flights and the step's years, at the video's pace
        const bool settled = !atlas_->camera_controller().moving() && !atlas_->playing();
        if (settled && ++r.held > r.hold) {
            const int steps = int(atlas_->data().tours[atlas_->tour()].steps.size());
            if (atlas_->tour_step() + 1 >= steps) r.done = true;
            else atlas_->act({{"type", "tourNext"}}), r.held = 0;
        }
    } else {
        const double first = atlas_->first_year(), last = atlas_->last_year() + Atlas::kYearEnd;
        atlas_->set_timeline_position(first + (last - first) * (r.frames > 1 ? double(r.frame) / (r.frames - 1) : 1.0));
    }
    if (r.frame >= 36000) r.done = true;  // 20 minutes at 30 frames a second: a tour that never settles
    char name[32];
    std::snprintf(name, sizeof name, "/frame-%05d.png", r.frame + 1);
    image_name_ = r.dir + name;
    image_scale_ = r.scale;
    image_delivered_ = false;
    frame();
    image_name_.clear();
    if (!image_delivered_) return {{"error", "the picture could not be drawn"}};
    ++r.frame;
    if (!r.tour && r.frame >= r.frames) r.done = true;
    json progress = {{"frame", r.frame}, {"frames", r.tour ? json(nullptr) : json(r.frames)}, {"done", r.done}};
    if (r.tour && atlas_->tour() >= 0)
        progress["step"] = atlas_->tour_step() + 1, progress["steps"] = atlas_->data().tours[atlas_->tour()].steps.size();
    return progress;
}

// Ends a recording (done or cancelled): the view the person had comes back.
void App::record_end() {
    if (!recording_.active) return;
    const ViewState before = recording_.before;
    const Camera camera = recording_.camera;
    recording_ = {};
    atlas_->apply_view(before, {}, true);
    atlas_->camera().jump(camera);
}

bool App::record(const std::string& dir, int frames, const std::string& tour) {
    json options = {{"frames", frames}};
    if (!tour.empty()) options = {{"what", "tour"}, {"tour", tour}};
    if (const json begun = record_begin(options); begun.contains("error")) {
        std::fprintf(stderr, "atlas: --record: %s\n", begun["error"].get<std::string>().c_str());
        return false;
    }
    recording_.dir = dir;
    for (json p; !recording_.done;) {
        p = record_frame();
        if (p.contains("error")) return false;  // said on stderr
        if (p["frame"].get<int>() % 30 == 0 || recording_.done)
            std::printf("atlas: recorded %d%s frames\n", p["frame"].get<int>(),
                        tour.empty() ? (" of " + std::to_string(recording_.frames)).c_str() : "");
    }
    record_end();
    return true;
}

// The cities shown now as a file; the CSV as the language's spreadsheets read it.
json App::export_table(const std::string& format) const {
    const Catalogue& lang = catalogues_.get(atlas_->language());
    if (format == "csv")
        return {{"name", "atlas-sur-cities.csv"}, {"mime", "text/csv;charset=utf-8"},
                {"text", export_csv(*atlas_, {lang.list_separator(), lang.decimal_mark()})}};
    if (format == "geojson")
        return {{"name", "atlas-sur-cities.geojson"}, {"mime", "application/geo+json"}, {"text", export_geojson(*atlas_)}};
    return {{"error", "format must be \"csv\" or \"geojson\""}};
}

const Theme& App::current_theme() const {
    for (const auto& t : themes_)
        if (t.id == atlas_->theme()) return t;
    return themes_.front();
}

// Pixels the side column covers on the left (none when embedded or presenting).
double App::side_inset() const {
    const bool attract = kiosk_ && kiosk_->phase() == Kiosk::Phase::Attract;
    return options_.embed || atlas_->presenter() || recording_.active || attract || ui_state_.compact
               ? 0.0 : ui::kSidePanelWidth + ui::kPanelMargin;
}

// Narrow or short windows, and touch-first pages smaller than a large tablet, get the phone layout:
// the map under a search bar, the panels in a sheet. Kiosks, embeds and presenting keep theirs.
bool App::compact_layout(glm::dvec2 window) const {
    if (options_.kiosk || options_.embed || atlas_->presenter() || recording_.active) return false;
    return window.x < 900 || window.y < 560 || (options_.touch_first && std::min(window.x, window.y) < 820);
}

// The selected city stays in the free part of the map when the sheet rises over it or a city is
// chosen on a phone (once for each: the person may then move the map as they like); from the start
// view it is centred there.
void App::keep_selection_in_view() {
    const int city = atlas_->selected();
    if (city == revealed_city_ && std::abs(ui_state_.sheet_top - revealed_sheet_top_) < 1) return;
    if (ui_state_.sheet_live_height >= 0) return;  // the finger is still moving the sheet
    revealed_city_ = city, revealed_sheet_top_ = ui_state_.sheet_top;
    if (city < 0 || !atlas_->is_visible(city)) return;
    const Camera& target = atlas_->camera_controller().target();
    const glm::dvec2 at = target.to_screen(atlas_->positions()[city]);
    const double margin = 40, top = ui_state_.search_bottom + margin;
    const double bottom = ui_state_.sheet_top - ui_state_.attribution_height - margin -
                          (ui_state_.controls_row ? ui_state_.controls_height : 0);
    const double right = target.viewport.x - (ui_state_.controls_row ? 0 : ui_state_.controls_width) - margin;
    // A map the person has not moved (the start view) centres the city: it is what they look at now.
    if (at.y >= top && at.y <= bottom && at.x >= margin && at.x <= right && !atlas_->at_start_view()) return;
    const glm::dvec2 goal{target.viewport.x * 0.5, (top + std::max(top, bottom)) * 0.5};
    atlas_->camera().pan_pixels(goal - at, true);
}

// What the panels cover (framing keeps clear of it): the side column, the top bar above the map, the
// attribution line; in presenter mode the legend in the top-right corner; a tour's caption bar.
ScreenInsets App::covered(glm::dvec2 window) const {
    ScreenInsets s;
    if (ui_state_.compact) {  // the search bar, the map's buttons, the sheet and the attribution above it
        const ImVec2 display(float(window.x), float(window.y));
        const float sheet = ui_state_.sheet_top > 0 ? display.y - ui_state_.sheet_top
                                                    : ui::sheet_height(ui::SheetHeight::Peek, display, ui_state_.search_bottom);
        s.top = ui::search_bar_bottom(ui_state_.search_bottom);
        const bool upright = display.y > display.x;  // the buttons in a row above the attribution (map_controls.cpp)
        s.right = upright ? 0 : ui_state_.controls_width;
        s.bottom = sheet + ui_state_.attribution_height + (upright ? ui_state_.controls_height : 0);
        s.caption = std::max(caption_height(), s.bottom);
        return s;
    }
    s.left = side_inset();
    const bool clean = atlas_->presenter() || recording_.active;  // no side column, the legend top right
    // The right edge: presenter mode's legend, or else the map's buttons (zoom, start view, ...), and
    // while a city is selected the Details and Links column they stand beside (map_controls.cpp): the
    // inset of Mexico keeps clear of both, or is left out where the map beside them is too narrow.
    s.right = clean ? ui_state_.compact_legend_width + ui::kPanelMargin
                    : s.left > 0 ? ui::kMapControlsWidth + ui::details_column_width(*atlas_, false) : 0;
    if (s.left > 0) {  // the top bar comes with the side column: as drawn, or as it will be
        const ImGuiStyle& style = ImGui::GetStyle();
        const double estimate = ui::kPanelMargin + 2 * (style.WindowPadding.y + style.FramePadding.y) +
                                (atlas_->presenter() ? ui::kPresenterFontSizes : ui::kFontSizes).body;
        s.top = ui_state_.top_bar_bottom > 0 ? ui_state_.top_bar_bottom : estimate;
    }
    s.bottom = ui::kAttributionHeight;
    s.caption = caption_height();
    return s;
}

// The room a tour's caption bar takes at the bottom: as drawn in the last frame, or, before it was
// ever drawn, about what its title, three lines of caption and the controls take.
double App::caption_height() const {
    if (ui_state_.tour_bar_height > 0) return ui_state_.tour_bar_height;
    const ui::FontSizes& z = atlas_->presenter() ? ui::kPresenterFontSizes : ui::kFontSizes;
    return z.title + 3 * z.caption + 2 * z.body + 90;
}

// Presenter mode rasterises the fonts at its sizes (crisp, not scaled bitmaps); leaving it puts
// back the fonts and the style the panels had, so the layout is as the person left it.
void App::rebuild_fonts() {
    presenter_fonts_ = atlas_->presenter();
    glyphs_changed_ = false;
    ImGui::GetIO().Fonts->Clear();
    std::string error;
    if (!ui::load_fonts(options_.assets_dir, glyph_ranges_, fonts_, error, presenter_fonts_, font_density_)) {
        std::fprintf(stderr, "atlas: %s\n", error.c_str());
        ImGui::GetIO().Fonts->AddFontDefault();
    }
    make_font_texture();
    ui::apply_style(current_theme(), presenter_fonts_, styled_touch_);
    ui_state_.tour_bar_height = 0;  // measured again with the new fonts
}

void App::cover_glyphs(const std::vector<DataFile>& files) {
    // ImGui decodes every character, and data files are nearly all ASCII, which the typed base
    // (ui::kTypedGlyphs) holds already: only the runs of other bytes (UTF-8 sequences never hold an
    // ASCII byte) go to it (100,000 cities: 207 -> 9 ms), and ASCII is skipped eight bytes at a time
    // (400 cities, the web, profiled at start-up: about 4 ms -> under 0.3).
    constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
    for (const DataFile& f : files) {
        std::string run;  // a run of other bytes (it may go on in the next piece)
        auto flush = [&] { if (!run.empty()) glyphs_.AddText(run.data(), run.data() + run.size()), run.clear(); };
        f.json_text().for_each_piece([&](std::string_view piece) {
            const char* p = piece.data();
            const std::size_t n = piece.size();
            for (std::size_t i = 0; i < n;) {
                if (static_cast<unsigned char>(p[i]) >= 0x80) {
                    const std::size_t start = i;
                    while (i < n && static_cast<unsigned char>(p[i]) >= 0x80) ++i;
                    run.append(p + start, i - start);
                    continue;
                }
                flush();  // (ASCII ends it)
                for (std::uint64_t w; i + 8 <= n; i += 8) {  // eight ASCII bytes at a time
                    std::memcpy(&w, p + i, 8);
                    if (w & kHighBits) break;
                }
                while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
            }
        });
        flush();
    }
    glyphs_.UsedChars[0] &= ~1u;  // a NUL (a catalogue's \u0000) would end the ranges at their start
    ImVector<ImWchar> ranges;
    glyphs_.BuildRanges(&ranges);
    if (std::equal(ranges.begin(), ranges.end(), glyph_ranges_.begin(), glyph_ranges_.end())) return;
    glyph_ranges_.assign(ranges.begin(), ranges.end());
    glyphs_changed_ = true;
}

int App::glyph_count() const {
    int n = 0;
    for (std::size_t i = 0; i + 1 < glyph_ranges_.size(); i += 2) n += glyph_ranges_[i + 1] - glyph_ranges_[i] + 1;
    return n;
}

void App::draw_panels(ui::UiContext& ctx) {
    if (ui_state_.compact) {  // a phone: the search bar, the sheet, and what comes and goes
        ui::draw_search_panel(ctx);
        ui::draw_sheet(ctx);
        ui::draw_year(ctx, ImVec2(ui::kPanelMargin, ui_state_.search_bottom + 6));
        ui::draw_data_problems_panel(ctx);
        ui::draw_about_data_panel(ctx);
        ui::draw_link_notices_panel(ctx);
        ui::draw_tour_bar(ctx);
        return;
    }
    ui::draw_search_panel(ctx);  // the side column, top to bottom
    ui::draw_filters_panel(ctx);
    ui::draw_networks_panel(ctx);
    ui::draw_tours_panel(ctx);
    ui::draw_legend_panel(ctx);
    ui::draw_statistics_panel(ctx);
    ui::draw_timeline_panel(ctx);
    ui::draw_details_panel(ctx);
    ui::draw_links_panel(ctx);
    ui::draw_data_problems_panel(ctx);
    ui::draw_about_data_panel(ctx);
    ui::draw_link_notices_panel(ctx);
    ui::draw_tour_bar(ctx);
}

// The page's address follows the view: a step a person took (not a camera move, not the timeline
// playing) is a history entry of its own.
void App::publish_view() {
    // The presenter console (web) follows the tour, presenter mode and blanking.
    const json status = {{"tour", atlas_->state_tour()}, {"presenter", atlas_->presenter()}, {"blank", atlas_->blank()},
                         {"language", atlas_->language()}};
    if (status != published_status_) platform::publish_presenter_status(to_text(status)), published_status_ = status;
    // The mirror follows what it lists: the cities shown (filters, years, data), every box of the
    // filters (also those that change no city), the search, the selection and the language.
    const Filter& f = atlas_->filter();
    std::size_t boxes = 0;
    for (bool on : f.fields) boxes = boxes * 31 + on;
    for (bool on : f.networks) boxes = boxes * 31 + on;
    boxes = boxes * 31 + int(f.region) * 2 + f.include_former;
    const std::string mirrored = std::to_string(atlas_->visible_revision()) + " " + std::to_string(boxes) + " " +
                                 std::to_string(atlas_->selected()) + " " + atlas_->language() + " " + atlas_->search_query();
    if (mirrored != mirrored_) mirrored_ = mirrored, platform::mirror_changed();
    ViewState v = rounded_for_url(atlas_->view());
    if (published_ && v == *published_) return;
    const bool step = published_ && !v.same_except_camera(*published_) && !atlas_->playing();
    platform::publish_view(atlas_->view_link(), step);
    published_ = std::move(v);
}

bool App::save_screenshot(const std::string& path) {
    // ImGui sizes auto-fitting windows during their first frame and shows them from the next.
    while (frames_ < 3) frame();
    atlas_->camera().finish();  // a motion the first frames began (a selection kept clear of a phone's sheet) ends
    pending_screenshot_ = path;
    screenshot_ok_ = false;
    frame();
    return screenshot_ok_;
}

LoadResult App::load_all() const {
    std::vector<Problem> unread;
    const std::vector<DataFile> bundled = read_bundled(unread);
    return load(bundled, std::move(unread));
}

// `bundled` (`unread`: those that could not be read), then the user's files over them.
LoadResult App::load(const std::vector<DataFile>& bundled, std::vector<Problem> unread) const {
    unread.insert(unread.end(), read_problems_.begin(), read_problems_.end());
    LoadResult loaded = load_files(bundled, overrides_);
    loaded.problems.insert(loaded.problems.begin(), unread.begin(), unread.end());
    for (const auto& p : unread) loaded.rejected.push_back(p.file);  // unreadable: not used
    return loaded;
}

std::vector<DataFile> App::read_bundled(std::vector<Problem>& problems) const {
    std::vector<DataFile> files = read_data_dir(options_.data_dir, problems);
    for (auto& tour : read_tours_dir(options_.assets_dir + "/tours", problems)) files.push_back(std::move(tour));
    return files;
}

json App::load_paths(const std::vector<std::string>& paths) {
    std::vector<Problem> problems;
    std::vector<DataFile> files = read_data_files(paths, problems);
    return add_data(std::move(files), std::move(problems));
}

json App::reset_data() {
    overrides_.clear();
    read_problems_.clear();
    return add_data({});
}

void App::log_actions() {
    if (!options_.log_actions) return;
    atlas_->on_action([](const json& a) {
        if (a.value("type", "") != "hover") std::printf("%s\n", to_text(a).c_str()), std::fflush(stdout);  // hovers are noise
    });
}

json App::add_data(std::vector<DataFile> files, std::vector<Problem> fetch_problems) {
    cover_glyphs(files);  // new letters: the fonts are rasterised again before the next frame
    for (auto& f : files) overrides_.push_back(std::move(f));
    read_problems_.insert(read_problems_.end(), fetch_problems.begin(), fetch_problems.end());
    auto next = std::make_unique<Atlas>(load_all());
    platform::keep_user_files(overrides_);
    next->adopt_view(*atlas_);
    atlas_ = std::move(next);
    renderer_.shade_countries(atlas_->data().global_south());  // (its group may be another)
    platform::trim_memory();  // the old data's pages
    give_search_names();  // the new data's fields and countries, in every language
    log_actions();
    return atlas_->state();
}

// Search finds cities by country and field names in every language the app speaks.
void App::give_search_names() {
    SearchNames names;
    catalogues_.each([&](const Catalogue& c) { names.add(c, atlas_->data().fields); });
    atlas_->set_search_names(std::move(names.countries), std::move(names.fields));
}

json App::frame_stats() const {
    const platform::StackUse stack = platform::stack_use();
    const std::size_t n = std::min<std::size_t>(frame_index_, frame_ms_.size());
    std::vector<float> ms(frame_ms_.begin(), frame_ms_.begin() + long(n));
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return n ? double(ms[std::min(n - 1, std::size_t(q * double(n)))]) : 0.0; };
    double sum = 0;
    for (float v : ms) sum += v;
    return {{"frames", frames_}, {"samples", n}, {"meanMs", n ? sum / double(n) : 0.0},
            {"p50Ms", at(0.5)}, {"p95Ms", at(0.95)}, {"maxMs", n ? double(ms.back()) : 0.0},
            {"basemapPaints", renderer_.basemap_paints()}, {"basemapDrafts", renderer_.basemap_drafts()}, {"pictureFrames", pictures_.shown}, {"picturesKeptOffScreen", pictures_.kept_off_screen}, {"picturesUnlaid", pictures_.unlaid}, {"picturesWarm", pictures_.available && pictures_.warm}, {"drawnFrames", drawn_frames_},
            {"glyphs", {{"wanted", glyph_count()}, {"rasterised", fonts_.body ? fonts_.body->Glyphs.Size : 0},
                        {"atlas", {ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight}}}},
            {"gl", {{"lost", gl_lost_}, {"recoveries", gl_recoveries_}, {"lastRecoveryMs", last_recovery_ms_},
                    {"errors", gl_errors_}}},
            {"stack", {{"bytes", stack.bytes}, {"deepest", stack.deepest}}}};
}

json App::panels() const {
    json out = json::array();
    const std::vector<ui::OpenPanel> open = ui::open_panels();
    auto has_window = [&](const std::string& name) {
        return std::any_of(open.begin(), open.end(), [&](const ui::OpenPanel& p) { return p.name.rfind(name, 0) == 0; });
    };
    for (const auto& p : open) {
        json panel = p.rect;
        panel["name"] = p.name;
        panel["collapsed"] = p.collapsed;
        panel["items"] = json::array();  // its controls, so that tests click real positions
        // (On a phone the panels are the sheet's tabs: their controls are the sheet's.)
        for (const auto& item : ui_state_.items)
            if (p.name.rfind(item.panel, 0) == 0 || (p.name == "Sheet" && !has_window(item.panel))) {
                json entry = item.rect;
                entry["id"] = item.id;
                panel["items"].push_back(entry);
            }
        // Where the keyboard is: the panel, and the control its focus ring is on.
        ImGuiWindow* nav = ImGui::GetCurrentContext()->NavWindow;
        if (keyboard_nav_ && nav && nav->RootWindow == ImGui::FindWindowByName(("###" + p.name).c_str())) {
            panel["focused"] = true;
            if (ImGui::GetCurrentContext()->NavId) {
                const ImRect r = ImGui::WindowRectRelToAbs(nav, nav->NavRectRel[0]);
                panel["focus"] = {{"x", r.Min.x}, {"y", r.Min.y}, {"w", r.GetWidth()}, {"h", r.GetHeight()}};
            }
        }
        if (p.name == "Sheet") {
            static const char* heights[] = {"peek", "half", "full"};
            panel["sheet"] = {{"height", heights[int(ui_state_.sheet)]}, {"tab", ui_state_.sheet_tab},
                              {"top", ui_state_.sheet_top}};
        }
        out.push_back(panel);
    }
    return out;
}

json App::labels() const {
    json out = json::array();
    for (const auto& l : ui_state_.labels) {
        json label = l.rect;
        label["id"] = atlas_->data().cities[l.city].id;
        label["text"] = atlas_->data().cities[l.city].local_name;
        out.push_back(label);
    }
    return out;
}

platform::AppHooks App::hooks() {
    platform::AppHooks h;
    h.frame = [this] { return frame(); };
    h.act = [this](const json& a) { return atlas_->act(a); };
    h.state = [this] {
        json s = atlas_->state();
        s["kiosk"] = kiosk_ ? kiosk_->state() : json(nullptr);
        return s;
    };
    h.visible_cities = [this] { return atlas_->visible_cities(); };
    h.screen_position = [this](const std::string& id) { return atlas_->screen_position(id); };
    h.frame_stats = [this] { return frame_stats(); };
    h.reset_data = [this] { return reset_data(); };
    h.fine_basemap_arrived = [this] { return fine_basemap_arrived(); };
    h.load_data = [this](std::vector<DataFile> files, std::vector<Problem> problems) {
        return add_data(std::move(files), std::move(problems));
    };
    h.panels = [this] { return panels(); };
    h.accessible = [this] { return accessible(); };
    h.links = [this] { return atlas_->links_json(); };
    h.labels = [this] { return labels(); };
    h.clusters = [this] { return atlas_->clusters_json(); };
    h.export_table = [this](const std::string& format) { return export_table(format); };
    h.export_image = [this](double scale) { return request_image(scale); };
    h.record = [this](const std::string& dir, int frames, const std::string& tour) { return record(dir, frames, tour); };
    h.record_begin = [this](const json& o) { return record_begin(o); };
    h.record_frame = [this] { return record_frame(); };
    h.record_end = [this] { record_end(); };
    h.strings = [this] { return catalogues_.get(atlas_->language()).to_json(); };
    h.tours = [this] { return atlas_->tours_json(); };
    h.fonts = [this] {  // the sizes drawn now, for tests of presenter mode
        return json{{"body", ui::px(fonts_.body)}, {"title", ui::px(fonts_.title)}, {"caption", ui::px(fonts_.caption)},
                    {"year", ui::px(fonts_.huge)}, {"presenter", presenter_fonts_}, {"density", font_density_},
                    {"rasterised", fonts_.body->FontSize},
                    {"atlas", {ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight}},
                    {"fileCopies", ui::font_file_copies(fonts_)}};
    };
    h.save_screenshot = [this](const std::string& p) { return save_screenshot(p); };
    h.settle = [this] { atlas_->camera().finish(); };
    h.idle = [this] { return quiet_frames_ > 3 && !atlas_->playing() && map_shown_ == MapShown::Exact; };
    h.resting = [this] { return quiet_frames_ > 3 && map_shown_ != MapShown::Exact; };
    h.test_clock = [this](double seconds) { test_dt_ = seconds; };
    return h;
}

void App::shutdown() {
    if (ImGui::GetCurrentContext()) {
        if (!gl_lost_) release_gl();
        // (Start-up may stop before the panels' GL or input is set up: fonts the app cannot read.)
        if (ImGui::GetIO().BackendPlatformUserData) ImGui_ImplSDL2_Shutdown();
        fixed_list_.reset();
        ImGui::DestroyContext();
    }
    platform::destroy_window(window_);
}

}  // namespace atlas
