//! Views of the upstream ops passes meet around the catalogued ones: `func.func`,
//! `func.return` and `builtin.module`. MLIR registers these itself, so no catalog of
//! ours describes them; their names are written here once, as the generated views
//! write the catalogued ones.

use super::{Block, Op, OpKind, Rewriter, Type};

/// `func.func`: a function; region 0 holds its body.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Func<'c>(Op<'c>);

impl<'c> OpKind<'c> for Func<'c> {
    const NAME: &'static str = "func.func";
    fn wrap(op: Op<'c>) -> Self {
        Func(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Func<'c> {
    pub const NAME: &'static str = "func.func";
    pub fn op(self) -> Op<'c> {
        self.0
    }
    /// The symbol name (`main` for `@main`).
    pub fn sym_name(self) -> Option<String> {
        self.0.str_attr("sym_name")
    }
    /// Whether `sym_visibility` is `"private"`.
    pub fn is_private(self) -> bool {
        self.0.str_attr("sym_visibility").as_deref() == Some("private")
    }
    /// The entry block of the body (none for a declaration).
    pub fn body(self) -> Option<Block<'c>> {
        self.0.body()
    }
    /// The `function_type` attribute's type.
    pub fn function_type(self) -> Option<Type<'c>> {
        self.0.raw_attr("function_type")?.type_value()
    }
    /// The declared result types.
    pub fn result_types(self) -> Vec<Type<'c>> {
        self.function_type().map(Type::function_results).unwrap_or_default()
    }
    /// Sets `function_type` to `(inputs) -> (results)` (after the block arguments or the
    /// returned values changed type).
    pub fn set_function_type(self, rw: &mut Rewriter<'c>, inputs: &[Type<'c>], results: &[Type<'c>]) {
        let ctx = rw.context();
        let t = ctx.type_attr(ctx.function_type(inputs, results));
        rw.set_attr(self.0, "function_type", t);
    }
}

/// `func.return`: the function's results, as operands.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Return<'c>(Op<'c>);

impl<'c> OpKind<'c> for Return<'c> {
    const NAME: &'static str = "func.return";
    fn wrap(op: Op<'c>) -> Self {
        Return(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Return<'c> {
    pub const NAME: &'static str = "func.return";
    pub fn op(self) -> Op<'c> {
        self.0
    }
}

/// `builtin.module`: the top-level op.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Module<'c>(Op<'c>);

impl<'c> OpKind<'c> for Module<'c> {
    const NAME: &'static str = "builtin.module";
    fn wrap(op: Op<'c>) -> Self {
        Module(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Module<'c> {
    pub const NAME: &'static str = "builtin.module";
    pub fn op(self) -> Op<'c> {
        self.0
    }
}
