// The GL state that Chromium can only tell after the GPU process has finished drawing: SCISSOR_BOX
// and the blend functions and equations are not kept on the page's side, so asking for one waits
// for every GL call before it. ImGui's GL backend asks for them at each frame, to put them back
// after it draws: with a software GL that wait took up to 250 ms in a frame of the 10,000 cities.
// The page keeps its own copy of them, written as they are set and read once from the GL when the
// context is made or given back.
(function () {
  var canvas = Module.canvas;
  if (!canvas) return;
  var getContext = canvas.getContext;
  canvas.getContext = function (type, attributes) {
    var gl = getContext.call(canvas, type, attributes);
    if (gl && type === 'webgl2' && !gl.stateCopy) keepCopy(gl);
    return gl;
  };
  if (Module.preinitializedWebGLContext) keepCopy(Module.preinitializedWebGLContext);  // (the page's: web/index.html)

  function keepCopy(gl) {
    var kept = [gl.SCISSOR_BOX, gl.BLEND_SRC_RGB, gl.BLEND_SRC_ALPHA, gl.BLEND_DST_RGB, gl.BLEND_DST_ALPHA,
                gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA];
    var copy = gl.stateCopy = {};
    var ask = gl.getParameter, scissor = gl.scissor;
    var blendFunc = gl.blendFuncSeparate, blendEquation = gl.blendEquationSeparate;
    function read() { kept.forEach(function (p) { copy[p] = ask.call(gl, p); }); }
    read();
    canvas.addEventListener('webglcontextrestored', read);  // (a new context starts from the defaults)

    gl.getParameter = function (p) {
      if (!(p in copy) || gl.isContextLost()) return ask.call(gl, p);
      return p === gl.SCISSOR_BOX ? new Int32Array(copy[p]) : copy[p];
    };
    gl.scissor = function (x, y, w, h) {
      scissor.call(gl, x, y, w, h);
      if (w >= 0 && h >= 0) copy[gl.SCISSOR_BOX] = new Int32Array([x, y, w, h]);  // (a negative size is refused)
    };
    gl.blendFuncSeparate = function (srcRgb, dstRgb, srcAlpha, dstAlpha) {
      blendFunc.call(gl, srcRgb, dstRgb, srcAlpha, dstAlpha);
      copy[gl.BLEND_SRC_RGB] = srcRgb, copy[gl.BLEND_DST_RGB] = dstRgb;
      copy[gl.BLEND_SRC_ALPHA] = srcAlpha, copy[gl.BLEND_DST_ALPHA] = dstAlpha;
    };
    gl.blendFunc = function (src, dst) { gl.blendFuncSeparate(src, dst, src, dst); };
    gl.blendEquationSeparate = function (rgb, alpha) {
      blendEquation.call(gl, rgb, alpha);
      copy[gl.BLEND_EQUATION_RGB] = rgb, copy[gl.BLEND_EQUATION_ALPHA] = alpha;
    };
    gl.blendEquation = function (mode) { gl.blendEquationSeparate(mode, mode); };
  }
})();
