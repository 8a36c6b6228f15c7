package io.regionplan.rules;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.regionplan.rules.RuleTypes.Scope;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks one generated method's instructions for {@link RuleBytecodeCheck}: every type
 * and member against {@link RuleTypes}; no loop, {@code synchronized}, try/catch or
 * multi-dimensional array, and arrays only of a small fixed size, in rule code and in
 * Drools' generated definitions alike (only its enum templates are exempt); lambdas only
 * in the definitions; parameters read by a literal key that the rule set has.
 */
final class RuleCodeVisitor extends MethodVisitor {

	/**
	 * The largest array rule code may create: the arguments of a call with a variable
	 * number of them.
	 */
	static final int MAX_RULE_ARRAY = 256;

	/**
	 * The largest array the generated definitions may create: a rule set's list of rules.
	 */
	static final int MAX_GENERATED_ARRAY = 10_000;

	private static final String PARAMETERS = RuleTypes.FACTS + "Parameters";

	private final RuleBytecodeCheck check;

	private final String owner;

	private final String method;

	private final Scope scope;

	/** A template of Drools or the compiler: only its types and members are checked. */
	private final boolean boilerplate;

	private final Set<Label> seen = new HashSet<>();

	/** The int constant pushed by the instruction just before, if it was one. */
	private Integer constant;

	/** The string constant pushed by the instruction just before, if it was one. */
	private String text;

	RuleCodeVisitor(RuleBytecodeCheck check, String owner, String method, Scope scope, boolean boilerplate) {
		super(Opcodes.ASM9);
		this.check = check;
		this.owner = owner;
		this.method = method;
		this.scope = scope;
		this.boilerplate = boilerplate;
	}

	private boolean rule() {
		return scope == Scope.RULE;
	}

	private void statement(String word, String zh, String en) {
		if (!boilerplate) {
			check.problem(owner, method, word, (rule() ? "规则代码" : "生成的代码") + zh,
					(rule() ? "rule code " : "generated code ") + en);
		}
	}

	private void reset() {
		constant = null;
		text = null;
	}

	@Override
	public void visitLabel(Label label) {
		seen.add(label);
	}

	@Override
	public void visitInsn(int opcode) {
		if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
			statement("synchronized", "不能同步（synchronized）", "may not synchronize");
		}
		reset();
		constant = opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
	}

	@Override
	public void visitIntInsn(int opcode, int operand) {
		if (opcode == Opcodes.NEWARRAY) {
			array();
		}
		reset();
		constant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
	}

	@Override
	public void visitLdcInsn(Object value) {
		if (value instanceof Type type && type.getSort() != Type.METHOD) {
			check.typeUse(owner, method, type.getDescriptor(), scope);
		}
		else if (value instanceof Handle handle) {
			check.memberUse(owner, method, handle.getOwner(), handle.getName(), handle.getDesc(), scope);
		}
		else if (value instanceof ConstantDynamic) {
			check.problem(owner, method, null, "不能使用动态常量", "dynamic constants are not allowed");
		}
		reset();
		constant = value instanceof Integer number ? number : null;
		text = value instanceof String string ? string : null;
	}

	@Override
	public void visitTypeInsn(int opcode, String type) {
		check.typeUse(owner, method, type, scope);
		if (opcode == Opcodes.ANEWARRAY) {
			array();
		}
		reset();
	}

	@Override
	public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
		check.memberUse(owner, method, fieldOwner, name, descriptor, scope);
		reset();
	}

	@Override
	public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
		check.memberUse(owner, method, methodOwner, name, descriptor, scope);
		if (text != null && methodOwner.equals(PARAMETERS) && descriptor.startsWith("(Ljava/lang/String;)")
				&& !name.equals("keyFor")) {
			check.parameterRead(owner, method, text);
		}
		reset();
	}

	@Override
	public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
		boolean concatenation = bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory");
		if (rule() && !concatenation) {
			statement("->", "不能创建 lambda 或方法引用", "may not create lambdas or method references");
		}
		else if (!bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory") && !concatenation) {
			check.problem(owner, method, null, "不允许的动态调用 " + bootstrap.getOwner(),
					"a dynamic call through " + bootstrap.getOwner().replace('/', '.') + " is not allowed");
		}
		else {
			check.descriptorUse(owner, method, descriptor, scope);
			for (Object argument : arguments) {
				if (argument instanceof Handle handle) {
					check.memberUse(owner, method, handle.getOwner(), handle.getName(), handle.getDesc(), scope);
				}
			}
		}
		reset();
	}

	@Override
	public void visitJumpInsn(int opcode, Label label) {
		loop(label);
		reset();
	}

	@Override
	public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
		loop(dflt);
		for (Label label : labels) {
			loop(label);
		}
		reset();
	}

	@Override
	public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
		visitTableSwitchInsn(0, 0, dflt, labels);
	}

	@Override
	public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
		check.typeUse(owner, method, descriptor, scope);
		statement("new", "不能创建多维数组", "may not create multi-dimensional arrays");
		reset();
	}

	@Override
	public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
		statement("try|catch|finally", "不能捕获异常（try/catch/finally）", "may not catch exceptions (try/catch/finally)");
	}

	@Override
	public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
			int index) {
		check.descriptorUse(owner, method, descriptor, scope);
	}

	@Override
	public void visitVarInsn(int opcode, int var) {
		reset();
	}

	@Override
	public void visitIincInsn(int var, int increment) {
		reset();
	}

	private void loop(Label target) {
		if (seen.contains(target)) {
			statement("for|while|do", "不能循环（for、while、do）", "may not loop (for, while, do)");
		}
	}

	private void array() {
		int most = rule() ? MAX_RULE_ARRAY : MAX_GENERATED_ARRAY;
		if (constant == null || constant < 0 || constant > most) {
			statement("new", "只能创建固定的小数组（最多 " + most + " 个元素）",
					"may only create small arrays of a fixed size (at most " + most + " elements)");
		}
	}

	static String quoted(String text) {
		return Pattern.quote("\"" + text + "\"");
	}

}
