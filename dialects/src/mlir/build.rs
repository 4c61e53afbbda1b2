//! Building whole modules through the layer, as the pt2 importer does: locations,
//! dictionary attributes, `func.func` with a body block, ops with regions whose blocks
//! take typed arguments, and constants over bytes the context keeps.
//!
//! ```ignore
//! let mut rw = Rewriter::new(c);
//! rw.set_insertion_end(Op::of_module(&module).body().unwrap());
//! let f = rw.create_func(c.unknown_location(), "main", &[(t, arg_loc)], &[t], &[]);
//! rw.set_insertion_end(f.body().unwrap());
//! let loc = c.name_location("relu", c.file_line_col("model.py", 12, 1)); // loc("relu"("model.py":12:1))
//! let r = rw.create_with_regions(loc, "stablehlo.reduce", &[x, init], &[t], &attrs, 1);
//! let body = r.region(0).append_block(&[(s, loc), (s, loc)]);  // ^bb0(%a: s, %b: s)
//! ```

use super::{str_of, Attribute, Block, Context, Location, Op, Region, Rewriter, Type, Value};
use crate::ir::str_ref;
use mlir_sys::*;

impl<'c> Context<'c> {
    /// `loc("file":line:col)`.
    pub fn file_line_col(self, file: &str, line: u32, col: u32) -> Location<'c> {
        unsafe { Location::from_raw(mlirLocationFileLineColGet(self.raw, str_ref(file), line, col)) }
    }
    /// `loc("name"(child))`, printed `loc("name")` when `child` is unknown.
    pub fn name_location(self, name: &str, child: Location<'c>) -> Location<'c> {
        unsafe { Location::from_raw(mlirLocationNameGet(self.raw, str_ref(name), child.raw)) }
    }
    /// `loc(fused[...])` of `locs` without metadata (MLIR drops duplicates and unknown
    /// locations, and gives a single remaining location back as it is).
    pub fn fused_location(self, locs: &[Location<'c>]) -> Location<'c> {
        let raw: Vec<MlirLocation> = locs.iter().map(|l| l.raw).collect();
        unsafe { Location::from_raw(mlirLocationFusedGet(self.raw, raw.len() as isize, raw.as_ptr(), mlirAttributeGetNull())) }
    }

    /// A dictionary attribute of `entries` (MLIR sorts them by name).
    pub fn dictionary_attr(self, entries: &[(&str, Attribute<'c>)]) -> Attribute<'c> {
        let named: Vec<MlirNamedAttribute> = entries
            .iter()
            .map(|(n, a)| unsafe { mlirNamedAttributeGet(mlirIdentifierGet(self.raw, str_ref(n)), a.raw) })
            .collect();
        unsafe { Attribute::from_raw(mlirDictionaryAttrGet(self.raw, named.len() as isize, named.as_ptr())) }
    }

    /// A `dense_resource` attribute of `ty` (a ranked tensor type of a non-bool int or
    /// float element) named `name` (MLIR appends a suffix when the name is taken), over
    /// the bytes `bytes` holds, laid out as `elements::constant_bytes` gives them: a
    /// weight in a memory-mapped archive, for instance. Nothing is copied; the context
    /// keeps `bytes` until it goes. Passes read the bytes in place
    /// (`Attribute::constant_bytes_in_place`) and never write them.
    pub fn resource_constant(self, ty: Type<'c>, name: &str, bytes: impl AsRef<[u8]> + Send + 'static) -> Attribute<'c> {
        /// Adapts any owner of bytes to `ResourceBytes`.
        struct Held<T>(T);
        impl<T: AsRef<[u8]> + Send + 'static> crate::elements::ResourceBytes for Held<T> {
            fn bytes(&self) -> &[u8] {
                self.0.as_ref()
            }
        }
        self.shared_constant(ty, name, Box::new(Held(bytes)))
    }
}

impl<'c> Attribute<'c> {
    /// The symbol a flat symbol reference names (`@f` -> `f`); `None` for any other
    /// attribute.
    pub fn flat_symbol(self) -> Option<&'c str> {
        unsafe { mlirAttributeIsAFlatSymbolRef(self.raw).then(|| str_of(mlirFlatSymbolRefAttrGetValue(self.raw))) }
    }
}

impl<'c> Attribute<'c> {
    /// The entries of a dictionary attribute, sorted by name; `None` for any other
    /// attribute.
    pub fn dictionary_entries(self) -> Option<Vec<(&'c str, Attribute<'c>)>> {
        unsafe {
            if !mlirAttributeIsADictionary(self.raw) {
                return None;
            }
            let entries = (0..mlirDictionaryAttrGetNumElements(self.raw))
                .map(|i| {
                    let na = mlirDictionaryAttrGetElement(self.raw, i);
                    (str_of(mlirIdentifierStr(na.name)), Attribute::from_raw(na.attribute))
                })
                .collect();
            Some(entries)
        }
    }
}

impl<'c> Block<'c> {
    /// Appends an argument of type `ty` at `loc` and returns it. (A function's type
    /// must then be updated to match: `func.func`'s verifier checks it.)
    pub fn add_argument(self, ty: Type<'c>, loc: Location<'c>) -> Value<'c> {
        unsafe { Value::from_raw(mlirBlockAddArgument(self.raw, ty.raw, loc.raw)) }
    }
}

impl<'c> Region<'c> {
    /// Appends a new block whose arguments have these types and locations, and returns
    /// it (the region owns it).
    pub fn append_block(self, args: &[(Type<'c>, Location<'c>)]) -> Block<'c> {
        let types: Vec<MlirType> = args.iter().map(|(t, _)| t.raw).collect();
        let locs: Vec<MlirLocation> = args.iter().map(|(_, l)| l.raw).collect();
        unsafe {
            let block = mlirBlockCreate(types.len() as isize, types.as_ptr(), locs.as_ptr());
            mlirRegionAppendOwnedBlock(self.raw, block);
            Block::from_raw(block)
        }
    }
}

impl<'c> Op<'c> {
    /// The op `symbol` names, looked up in the symbol tables around `self` (the ops
    /// holding it that are symbol tables, a module for one), innermost first.
    pub fn lookup_symbol(self, symbol: &str) -> Option<Op<'c>> {
        let mut at = self.parent_op();
        while let Some(table_op) = at {
            unsafe {
                let table = mlirSymbolTableCreate(table_op.raw);
                if !table.ptr.is_null() {
                    let found = mlirSymbolTableLookup(table, str_ref(symbol));
                    mlirSymbolTableDestroy(table);
                    if !found.ptr.is_null() {
                        return Some(Op::from_raw(found));
                    }
                }
            }
            at = table_op.parent_op();
        }
        None
    }

    /// The op printed whole, in generic form, with every element of every `dense`
    /// constant and its values numbered from the op itself (not from the module around
    /// it), without locations: a key to compare ops by content (`print` elides large
    /// constants, so two ops printing alike there may differ). A `dense_resource` prints
    /// its blob's name only.
    pub fn print_exact(self) -> String {
        let mut out = String::new();
        unsafe {
            let flags = mlirOpPrintingFlagsCreate();
            mlirOpPrintingFlagsPrintGenericOpForm(flags);
            mlirOpPrintingFlagsUseLocalScope(flags);
            mlirOperationPrintWithFlags(self.raw, flags, Some(crate::ir::append_to_string), &mut out as *mut String as *mut _);
            mlirOpPrintingFlagsDestroy(flags);
        }
        out
    }
}

impl<'c> Op<'c> {
    /// Runs MLIR's verifier on the op and everything nested in it (registered ops'
    /// rules, SSA dominance, terminators); failures are reported as diagnostics.
    pub fn verify(self) -> bool {
        unsafe { mlirOperationVerify(self.raw) }
    }
}

impl<'c> Rewriter<'c> {
    /// Creates `func.func @name` of type `(inputs) -> (results)` at the insertion point,
    /// with discardable attributes `attrs` (`tf.entry_function`; `sym_visibility =
    /// "private"` makes it private) and one body block whose arguments have `inputs`'
    /// types and locations. Fill the body at `Op::body()`'s end and end it with a
    /// `func.return`.
    pub fn create_func(
        &mut self,
        loc: Location<'c>,
        name: &str,
        inputs: &[(Type<'c>, Location<'c>)],
        results: &[Type<'c>],
        attrs: &[(&str, Attribute<'c>)],
    ) -> Op<'c> {
        let c = self.context();
        let arg_types: Vec<Type<'c>> = inputs.iter().map(|(t, _)| *t).collect();
        let mut all = vec![("sym_name", c.string_attr(name)), ("function_type", c.type_attr(c.function_type(&arg_types, results)))];
        all.extend_from_slice(attrs);
        let func = self.create_with_regions(loc, "func.func", &[], &[], &all, 1);
        func.region(0).append_block(inputs);
        func
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::edge_context;

    #[test]
    fn a_function_with_a_reduce_region_prints_and_verifies() {
        let context = edge_context();
        let c = Context::of(&context);
        let module = melior::ir::Module::new(melior::ir::Location::unknown(&context));
        let mut rw = Rewriter::new(c);
        rw.set_insertion_end(Op::of_module(&module).body().unwrap());
        let t = c.parse_type("tensor<4xf32>").unwrap();
        let s = c.parse_type("tensor<f32>").unwrap();
        let at = c.name_location("node", c.file_line_col("m.py", 3, 1));
        let entry = c.dictionary_attr(&[("outputs", c.string_attr("y")), ("inputs", c.string_attr("x"))]);
        let f = rw.create_func(c.unknown_location(), "main", &[], &[s], &[("tf.entry_function", entry)]);
        let body = f.body().unwrap();
        let x = body.add_argument(t, c.name_location("x", c.unknown_location()));
        f.set_attr("function_type", c.type_attr(c.function_type(&[t], &[s])));
        rw.set_insertion_end(body);
        let zero = c.float_splat(s, 0.0);
        let init = rw.create_at(at, "stablehlo.constant", &[], &[s], &[("value", zero)]).result(0);
        let attrs = c.parse_attr("{dimensions = array<i64: 0>}").unwrap().dictionary_entries().unwrap();
        let reduce = rw.create_with_regions(at, "stablehlo.reduce", &[x, init], &[s], &attrs, 1);
        let block = reduce.region(0).append_block(&[(s, at), (s, at)]);
        rw.set_insertion_end(block);
        let sum = rw.create_at(at, "stablehlo.add", &[block.argument(0), block.argument(1)], &[s], &[]).result(0);
        rw.create_at(at, "stablehlo.return", &[sum], &[], &[]);
        rw.set_insertion_end(body);
        rw.create_at(c.unknown_location(), "func.return", &[reduce.result(0)], &[], &[]);
        assert!(Op::of_module(&module).verify());
        let text = module.as_operation().to_string();
        assert!(text.contains("func.func @main(%arg0: tensor<4xf32>) -> tensor<f32> attributes {tf.entry_function = {inputs = \"x\", outputs = \"y\"}}"), "{text}");
        assert!(text.contains("^bb0(%arg1: tensor<f32>, %arg2: tensor<f32>):"), "{text}");
        assert!(text.contains("}) {dimensions = array<i64: 0>} : (tensor<4xf32>, tensor<f32>) -> tensor<f32>"), "{text}");
        assert_eq!(reduce.location().print(), "loc(\"node\"(\"m.py\":3:1))");
        assert_eq!(c.name_location("w", c.unknown_location()).print(), "loc(\"w\")");
        let (a, b) = (c.name_location("a", c.unknown_location()), c.file_line_col("m.py", 4, 2));
        assert_eq!(c.fused_location(&[a, b, a]).print(), "loc(fused[\"a\", \"m.py\":4:2])");
        assert_eq!(c.fused_location(&[a]).print(), "loc(\"a\")");
    }

    #[test]
    fn symbols_are_looked_up_and_ops_cloned_and_printed_whole() {
        let context = edge_context();
        let c = Context::of(&context);
        let module = melior::ir::Module::new(melior::ir::Location::unknown(&context));
        let mut rw = Rewriter::new(c);
        rw.set_insertion_end(Op::of_module(&module).body().unwrap());
        let t = c.parse_type("tensor<32xf32>").unwrap();
        let private = [("sym_visibility", c.string_attr("private"))];
        let callee = rw.create_func(c.unknown_location(), "callee", &[], &[t], &private);
        let main = rw.create_func(c.unknown_location(), "main", &[], &[t], &[]);
        let values: Vec<f32> = (0..32).map(|i| i as f32).collect();
        for f in [callee, main] {
            rw.set_insertion_end(f.body().unwrap());
            let k = rw.create("stablehlo.constant", &[], &[t], &[("value", c.dense_f32(&[32], &values))]);
            rw.create("func.return", &[k.result(0)], &[], &[]);
        }
        let at = main.body().unwrap().terminator().unwrap();
        assert_eq!(at.lookup_symbol("callee"), Some(callee));
        assert_eq!(at.lookup_symbol("nowhere"), None);
        let reference = c.parse_attr("@callee").unwrap();
        assert_eq!(reference.flat_symbol(), Some("callee"));
        assert_eq!(c.string_attr("callee").flat_symbol(), None);
        // A copy of a function prints as the original (its values are numbered from the
        // function, not from the module); one whose constant is one element apart does
        // not, though `print` elides both constants.
        rw.set_insertion_end(Op::of_module(&module).body().unwrap());
        let copy = rw.clone_op(callee);
        assert!(copy != callee && copy.body_ops()[0] != callee.body_ops()[0]);
        assert_eq!(copy.print_exact(), callee.print_exact());
        let changed = rw.clone_op(callee);
        let mut other = values.clone();
        other[31] = -1.0;
        changed.body_ops()[0].set_attr("value", c.dense_f32(&[32], &other));
        assert!(callee.print().contains("__elided__") && changed.print().contains("__elided__"));
        assert_ne!(changed.print_exact(), callee.print_exact());
        assert!(!callee.print_exact().contains("loc("));
    }

    #[test]
    fn resource_constants_keep_their_bytes_until_the_context_goes() {
        let context = edge_context();
        let c = Context::of(&context);
        let t = c.parse_type("tensor<2xf32>").unwrap();
        let bytes: Vec<u8> = [1.5f32, -2.0].iter().flat_map(|v| v.to_le_bytes()).collect();
        let a = c.resource_constant(t, "w", bytes.clone());
        let b = c.resource_constant(t, "w", [1.5f32, 2.0].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>());
        assert_eq!(a.print(), "dense_resource<w> : tensor<2xf32>");
        // MLIR makes the name unique; the same name and bytes again is the same blob.
        assert_eq!(b.print(), "dense_resource<w_1> : tensor<2xf32>");
        assert!(c.resource_constant(t, "w", bytes.clone()) == a);
        let ty = t.value();
        assert_eq!(a.constant_bytes_in_place(&ty), Some(bytes.as_slice()));
        assert_eq!(a.constant_bytes(&ty).unwrap(), bytes);
        assert!(a.with_owned_bytes_mut(|_| ()).is_none(), "kept bytes are read-only");
    }
}
