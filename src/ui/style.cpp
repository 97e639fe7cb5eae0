// Theme, fonts and marker glyphs shared by the panels.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/font_file.h"
#include "core/json_io.h"
#include "platform/platform.h"
#include "render/marker_layer.h"
#include "ui/ui.h"

namespace atlas::ui {

void apply_style(const Theme& theme, bool presenter, bool touch) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    if (theme.dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    s.WindowRounding = 8;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.WindowBorderSize = theme.size("windowBorder");
    s.FrameBorderSize = theme.size("frameBorder");
    s.WindowPadding = ImVec2(14, 12);
    s.ItemSpacing = ImVec2(8, 6);
    s.FramePadding = ImVec2(8, 4);
    s.ScrollbarSize = 14;
    auto c = [&](const char* key) { return to_vec4(theme.color(key)); };
    ImVec4* col = s.Colors;
    col[ImGuiCol_WindowBg] = col[ImGuiCol_PopupBg] = c("ui.panel");
    col[ImGuiCol_TitleBg] = col[ImGuiCol_TitleBgCollapsed] = c("ui.titleBar");
    col[ImGuiCol_TitleBgActive] = c("ui.titleBarActive");
    col[ImGuiCol_Text] = c("ui.text");
    col[ImGuiCol_TextDisabled] = c("ui.muted");
    col[ImGuiCol_CheckMark] = col[ImGuiCol_SliderGrab] = col[ImGuiCol_SliderGrabActive] = c("ui.accent");
    col[ImGuiCol_FrameBg] = c("ui.frame");
    col[ImGuiCol_Button] = col[ImGuiCol_Header] = c("ui.button");
    col[ImGuiCol_ButtonHovered] = col[ImGuiCol_HeaderHovered] = col[ImGuiCol_FrameBgHovered] = c("ui.buttonHovered");
    col[ImGuiCol_Border] = col[ImGuiCol_Separator] = c("ui.muted");
    col[ImGuiCol_Separator].w = theme.size("frameBorder") > 0 ? 1.0f : 0.35f;
    col[ImGuiCol_NavHighlight] = c("ui.accent");  // the keyboard's focus ring
    if (presenter) s.ScaleAllSizes(kPresenterFontSizes.body / kFontSizes.body);
    if (touch) {  // 48 px touch targets (WCAG 2.5.5 asks 44): frame height = font + 2 * padding
        s.FramePadding = ImVec2(std::max(s.FramePadding.x, 14.0f), std::max(s.FramePadding.y, (48 - kFontSizes.body) / 2));
        s.ItemSpacing = ImVec2(std::max(s.ItemSpacing.x, 12.0f), std::max(s.ItemSpacing.y, 10.0f));
        s.ScrollbarSize = std::max(s.ScrollbarSize, 28.0f);
        s.GrabMinSize = std::max(s.GrabMinSize, 28.0f);
    }
}

// Without a theme (never in the app), magenta: a missing colour shows at once.
ImU32 UiContext::color(const char* key, float alpha) const { return to_imgui(theme ? theme->color(key) : Color{1, 0, 1, 1}, alpha); }
ImVec4 UiContext::color4(const char* key) const { return to_vec4(theme ? theme->color(key) : Color{1, 0, 1, 1}); }

float px(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

const ImWchar kTypedGlyphs[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2013, 0x2026, 0x202F, 0x202F,
                                0x2190, 0x2199, 0x25A0, 0x25CF, 0};

bool load_fonts(const std::string& assets_dir, const std::vector<ImWchar>& glyphs, Fonts& out, std::string& error,
                bool presenter, float density) {
    ImGuiIO& io = ImGui::GetIO();
    static const ImWchar digits[] = {0x0020, 0x0039, 0};
    const std::string path = assets_dir + "/fonts/DejaVuSans-latin.ttf";
    if (!read_file(path, out.file, error, 16u << 20)) return error = path + ": " + error, false;
    if (const std::string problem = font_file_problem(out.file); !problem.empty()) return error = path + ": " + problem, false;
    // Presenter mode rasterises the fonts again at its sizes: text stays crisp on a shared screen.
    // So does a dense screen: glyphs at its pixels, drawn at 1/density (sizes stay logical).
    const FontSizes& z = presenter ? kPresenterFontSizes : kFontSizes;
    io.FontGlobalScale = 1.0f / density;
    // Horizontal oversampling sharpens glyphs placed between pixels; a dense screen does not need it,
    // and it would triple the atlas (2048x4096 at density 2 with it). Twice, not ImGui 1.86's three
    // times (its later default): no visible difference (0.03 % of the render tests' pixels), an
    // atlas of 512x980 instead of 1024x702 and a quarter less time to rasterise it.
    ImFontConfig config;
    config.OversampleH = density >= 1.5f ? 1 : 2;
    // One copy of the file for the four sizes: ImGui 1.86 copies a file it is not given to own, once
    // per font (259 KB held for good). It is given to own, and takes no copy; then told it is not
    // its own to free (out.file outlives the atlas's use of it: Clear() comes before a new read).
    config.FontDataOwnedByAtlas = true;
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const auto add = [&](float size, const ImWchar* ranges) {
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(out.file.data(), int(out.file.size()), size * density, &config, ranges);
        io.Fonts->ConfigData.back().FontDataOwnedByAtlas = false;
        return font;
    };
    out.body = add(z.body, glyphs.data());
    out.title = add(z.title, glyphs.data());
    out.caption = add(z.caption, glyphs.data());
    out.huge = add(z.year, digits);
    if (!out.body || !out.title || !out.caption || !out.huge) {
        error = path + ": not a usable font";
        return false;
    }
    return true;
}

int font_file_copies(const Fonts& fonts) {
    const ImVector<ImFontConfig>& held = ImGui::GetIO().Fonts->ConfigData;
    return int(std::count_if(held.begin(), held.end(), [&](const ImFontConfig& c) { return c.FontData != fonts.file.data(); }));
}

ImVec4 to_vec4(Color c) { return ImVec4(c.r, c.g, c.b, c.a); }
ImU32 to_imgui(Color c, float alpha) { return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, c.a * alpha)); }

void draw_marker_glyph(ImDrawList* dl, ImVec2 p, float r, int flags, Color fill, const Atlas& atlas) {
    Color heritage, south, partner;
    if (const Network* n = atlas.data().network_of_group("heritage")) heritage = n->color;
    if (const Network* n = atlas.data().network_of_group("south-south")) south = n->color;
    if (const Network* n = atlas.data().network_of_group("partner")) partner = n->color;
    const ImU32 outline = IM_COL32(31, 31, 36, 255), white = IM_COL32_WHITE;
    if (flags & render::kSouthHalo) dl->AddCircle(p, r + 3, to_imgui(south), 0, 1.8f);
    if (flags & render::kHeritage) {
        const bool alone = !(flags & render::kCreative);
        const float d = (alone ? r * 1.05f : r * 1.25f) * 1.4142f;
        const ImVec2 q[4] = {{p.x, p.y - d}, {p.x + d, p.y}, {p.x, p.y + d}, {p.x - d, p.y}};
        dl->AddQuadFilled(q[0], q[1], q[2], q[3], white);
        dl->AddQuad(q[0], q[1], q[2], q[3], to_imgui(heritage), 2.2f);
        if (alone) {
            const float k = d - 4 * 1.4142f;
            dl->AddQuadFilled({p.x, p.y - k}, {p.x + k, p.y}, {p.x, p.y + k}, {p.x - k, p.y}, to_imgui(heritage));
        }
    }
    if (flags & render::kSouthOnly) {
        const ImVec2 a{p.x, p.y - r * 1.1f}, b{p.x + r, p.y + r * 0.65f}, c{p.x - r, p.y + r * 0.65f};
        dl->AddTriangleFilled(a, b, c, to_imgui(south));
        dl->AddTriangle(a, b, c, outline, 1.0f);
    }
    if (flags & render::kPartner) {
        const float s = r * 0.78f;
        dl->AddRectFilled({p.x - s, p.y - s}, {p.x + s, p.y + s}, to_imgui(partner));
        dl->AddRectFilled({p.x - s + 2.4f, p.y - s + 2.4f}, {p.x + s - 2.4f, p.y + s - 2.4f}, white);
    }
    if (flags & render::kCreative) {
        const float disc = (flags & render::kHeritage) ? r * 0.72f : r;
        dl->AddCircleFilled(p, disc, to_imgui(fill));
        dl->AddCircle(p, disc, outline, 0, 1.2f);
    }
}

void marker_glyph_item(int flags, Color fill, const Atlas& atlas) {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size + 4, size));
    draw_marker_glyph(ImGui::GetWindowDrawList(), ImVec2(pos.x + size * 0.5f + 2, pos.y + size * 0.5f), size * 0.36f,
                      flags, fill, atlas);
}

const Catalogue& UiContext::lang() const {
    static const Catalogue english;
    return catalogues ? catalogues->get(atlas.language()) : english;
}

void report_item(UiContext& ui, const char* panel, const std::string& id) {
    if (!ui.state) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui.state->items.push_back({panel, id, {a.x, a.y, b.x - a.x, b.y - a.y}});
}

void finger_scroll(UiState& st) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiID window = ImGui::GetCurrentWindow()->ID;
    if (io.MouseClicked[0] && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        st.scroll_window = window;  // the press began here (each scrolling window asks; one is under the finger)
    if (!io.MouseDown[0]) st.scroll_window = 0, st.scrolling = false;
    if (st.scroll_window != window) return;
    const ImVec2 d(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
    if (!st.scrolling && std::abs(d.y) > 10 && std::abs(d.y) > std::abs(d.x)) {
        st.scrolling = true;
        ImGui::ClearActiveID();  // the control under the finger lets go: a scroll toggles nothing
    }
    if (st.scrolling) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

bool small_button(const char* label) {
    return ImGui::GetStyle().FramePadding.y >= 10 ? ImGui::Button(label) : ImGui::SmallButton(label);  // (touch style: apply_style)
}

void section(const UiContext& ui, const char* label) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.muted"));
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::Separator();
}

std::string panel_name(const ImGuiWindow* w) {
    std::string name = w->Name;  // "Filtros###Filters": the stable id after ###
    if (const auto ids = name.find("###"); ids != std::string::npos) name = name.substr(ids + 3);
    return name;
}

float search_bar_bottom(float drawn) {
    return drawn > 0 ? drawn : kPanelMargin + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().WindowPadding.y;
}

std::vector<OpenPanel> open_panels() {
    std::vector<OpenPanel> out;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (!w->WasActive || w->Hidden || (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip))) continue;
        const std::string name = panel_name(w);
        if (name.rfind("Debug##", 0) == 0) continue;  // ImGui's implicit fallback window
        out.push_back({name, {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y}, w->Collapsed, !(w->Flags & ImGuiWindowFlags_NoMouseInputs)});
    }
    return out;
}

std::vector<Rect> rendered_windows() {
    std::vector<Rect> out;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && !w->Hidden && !(w->Flags & ImGuiWindowFlags_ChildWindow)) out.push_back({w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
    return out;
}

bool begin_side_panel(UiContext& ui, const char* english_name, int bars_below, ImGuiWindowFlags extra) {
    const std::string name = ui.title(english_name);
    const float top = ui.state ? ui.state->left_stack_y : kPanelMargin;
    const float bar = ImGui::GetFrameHeight() + kPanelMargin;
    const float room = ImGui::GetIO().DisplaySize.y - kAttributionHeight - top - float(bars_below) * bar;
    // An accordion: a panel the person opens folds the others of the column, so it gets the room.
    if (ui.state && ui.state->unfold == english_name) {  // the keyboard came to it (Tab)
        ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
        ui.state->side_open = english_name;
        ui.state->unfold.clear();
    } else if (ui.state && !ui.state->side_open.empty() && ui.state->side_open != english_name) {
        ImGui::SetNextWindowCollapsed(true, ImGuiCond_Always);
    }
    ImGui::SetNextWindowPos(ImVec2(kPanelMargin, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(kSidePanelWidth, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(kSidePanelWidth, 0), ImVec2(kSidePanelWidth, std::max(room, bar)));
    const bool open = ImGui::Begin(name.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | extra);
    if (ui.state) {
        auto [was, first] = ui.state->side_collapsed.try_emplace(english_name, ImGui::IsWindowCollapsed());
        if (!first && was->second && !ImGui::IsWindowCollapsed()) ui.state->side_open = english_name;  // just opened
        was->second = ImGui::IsWindowCollapsed();
    }
    return open;
}

void end_side_panel(UiContext& ui, float bottom) {
    if (ui.state) ui.state->left_stack_y = bottom + kPanelMargin;
}

void side_panel(UiContext& ui, const char* name, int bars_below, void (*body)(UiContext&), bool folded) {
    if (folded) ImGui::SetNextWindowCollapsed(true, ImGuiCond_Once);
    if (begin_side_panel(ui, name, bars_below)) {
        body(ui);
        if (ui.state && ImGui::GetStyle().FramePadding.y >= 10) finger_scroll(*ui.state);  // touch style: kiosks, tablets
    }
    end_side_panel(ui, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y);
    ImGui::End();
}

float map_bottom(const UiContext& ui) {
    return ui.state && ui.state->compact && ui.state->sheet_top > 0 ? ui.state->sheet_top : ImGui::GetIO().DisplaySize.y;
}

bool over_panel(float x, float y) {
    for (const auto& p : open_panels())
        if (p.takes_input && p.rect.contains(x, y)) return true;
    return false;
}

void source_link(const UiContext& ui, const Source& s, const std::string& text, bool wrap) {
    const std::string& shown = !text.empty() ? text : !s.note.empty() ? s.note : s.url;
    if (ui.kiosk && !s.url.empty()) {  // nothing opens on a kiosk: the address, to note down
        ImGui::TextWrapped("%s", shown.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.muted"));
        ImGui::TextWrapped("%s", s.url.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (s.url.empty()) {
        ImGui::TextWrapped("%s", shown.c_str());
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.link"));
    if (wrap) ImGui::TextWrapped("%s", shown.c_str());
    else ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", s.url.c_str());
    }
    if (ImGui::IsItemClicked()) platform::open_url(s.url);
}

void send(UiContext& ui, const nlohmann::json& action) {
    const auto result = ui.atlas.act(action);
    if (result.contains("error")) std::fprintf(stderr, "atlas: panel action refused: %s\n", to_text(result).c_str());
}

}  // namespace atlas::ui
