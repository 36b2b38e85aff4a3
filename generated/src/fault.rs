//! SOAP 1.1 faults: what a server sends in the body instead of a response.

use std::fmt;

use crate::envelope::SOAP_NS;
use crate::ews::{MessageXml, ResponseCodeType, T_NAMESPACE};
use crate::xml::{
    Decode, DecodeError, Decoder, Element, Encode, EncodeError, Encoder, Node, RawXml, Start,
    XML_NS, is_ncname,
};

/// A namespace-qualified name, such as a fault code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QualifiedName {
    /// The namespace; empty for none.
    pub namespace: String,
    /// The local name.
    pub name: String,
}

/// Mostly names a server sends, sometimes any text (which encoding
/// refuses).
#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for QualifiedName {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let namespace = *u.choose(&["", SOAP_NS, ERRORS_NS, "urn:example:codes"])?;
        let name = if u.ratio(1, 8)? {
            u.arbitrary()?
        } else {
            (*u.choose(&["Server", "Client", "ErrorSchemaValidation"])?).to_owned()
        };
        Ok(QualifiedName {
            namespace: namespace.to_owned(),
            name,
        })
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.namespace.is_empty() {
            f.write_str(&self.name)
        } else {
            write!(f, "{{{}}}{}", self.namespace, self.name)
        }
    }
}

/// A SOAP 1.1 `Fault`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Fault {
    /// `faultcode`, with its prefix resolved: `{http://schemas.xmlsoap.org/soap/envelope/}Client`,
    /// or an Exchange error name in the EWS types namespace.
    pub code: QualifiedName,
    /// `faultstring`: the explanation, for people.
    pub string: String,
    /// The `xml:lang` of `faultstring`, when given.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub lang: Option<String>,
    /// `faultactor`: the URI of the node that failed, when given.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub actor: Option<String>,
    /// `detail`: Exchange's error code and message, and whatever else the
    /// server put there.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub detail: Option<FaultDetail>,
}

/// The `detail` of a fault, as Exchange fills it. Entries that are not
/// Exchange's, or not in the form Exchange gives them, are kept as written
/// in `other` and `text`: a fault is never a decoding failure because of
/// its detail.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct FaultDetail {
    /// Exchange's error name (`e:ResponseCode`), when given.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub response_code: Option<ResponseCodeType>,
    /// Exchange's explanation (`e:Message`), when given.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub message: Option<String>,
    /// Exchange's further details (`t:MessageXml`: for example the line and
    /// position of a schema violation).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub message_xml: Option<MessageXml>,
    /// Any other detail entries, kept as written.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub other: Vec<RawXml>,
    /// Text directly in the detail, kept as written.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub text: String,
}

/// The namespace of the entries Exchange puts in a fault's detail.
pub const ERRORS_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/errors";

impl Decode for FaultDetail {
    fn decode(d: &mut Decoder<'_>, _: &Start<'_>) -> Result<Self, DecodeError> {
        let mut detail = FaultDetail::default();
        while let Some(node) = d.next_node()? {
            let child = match node {
                Node::Text(text) => {
                    detail.text.push_str(&text);
                    continue;
                }
                Node::Element(child) => child,
            };
            // Each entry is kept first, then read: one that does not read
            // as Exchange's stays kept.
            let raw = d.raw_element(&child)?;
            let read = match child.name() {
                (ERRORS_NS, "ResponseCode") if detail.response_code.is_none() => {
                    read_kept(&raw).map(|code| detail.response_code = Some(code))
                }
                (ERRORS_NS, "Message") if detail.message.is_none() => {
                    read_kept(&raw).map(|message| detail.message = Some(message))
                }
                (T_NAMESPACE, "MessageXml") if detail.message_xml.is_none() => {
                    read_kept(&raw).map(|xml| detail.message_xml = Some(xml))
                }
                _ => None,
            };
            if read.is_none() {
                detail.other.push(raw);
            }
        }
        // Indentation between entries is no text.
        if is_blank(&detail.text) {
            detail.text.clear();
        }
        Ok(detail)
    }
}

/// `raw` read as a `T`, if it is one.
/// Whether `text` is XML white space only.
fn is_blank(text: &str) -> bool {
    text.trim_matches([' ', '\t', '\n', '\r']).is_empty()
}

/// Whether `raw`, kept among the other entries, would be read back as the
/// typed entry that `detail` leaves empty.
fn reads_as_typed(detail: &FaultDetail, raw: &RawXml) -> bool {
    let kept = |ns: &str, name: &str| {
        raw.standalone(|_, _| false).is_some_and(|xml| {
            let mut d = match Decoder::new(xml.as_bytes()) {
                Ok(d) => d,
                Err(_) => return false,
            };
            d.root().is_ok_and(|start| start.name() == (ns, name))
        })
    };
    (detail.response_code.is_none()
        && kept(ERRORS_NS, "ResponseCode")
        && read_kept::<ResponseCodeType>(raw).is_some())
        || (detail.message.is_none()
            && kept(ERRORS_NS, "Message")
            && read_kept::<String>(raw).is_some())
        || (detail.message_xml.is_none()
            && kept(T_NAMESPACE, "MessageXml")
            && read_kept::<MessageXml>(raw).is_some())
}

fn read_kept<T: Decode>(raw: &RawXml) -> Option<T> {
    let xml = raw.standalone(|_, _| false)?;
    let mut d = Decoder::new(xml.as_bytes()).ok()?;
    let start = d.root().ok()?;
    T::decode(&mut d, &start).ok()
}

impl Encode for FaultDetail {
    fn encode(
        &self,
        e: &mut Encoder,
        ns: &'static str,
        name: &'static str,
    ) -> Result<(), EncodeError> {
        e.start(ns, name);
        // What decoding would read otherwise is not written.
        if !self.text.is_empty() && is_blank(&self.text) {
            return Err(e.refuse("detail text of white space only does not read back"));
        }
        if let Some(raw) = self.other.iter().find(|raw| reads_as_typed(self, raw)) {
            return Err(e.refuse(format!(
                "kept entry {:?} would read back as the typed entry it is: set that instead",
                raw.xml
            )));
        }
        e.element(ERRORS_NS, "ResponseCode", &self.response_code)?;
        e.element(ERRORS_NS, "Message", &self.message)?;
        e.element(T_NAMESPACE, "MessageXml", &self.message_xml)?;
        e.raw_elements(&self.other)?;
        e.text(&self.text)?;
        e.end();
        Ok(())
    }
}

impl Element for Fault {
    const NAMESPACE: &'static str = SOAP_NS;
    const NAME: &'static str = "Fault";
}

impl Decode for Fault {
    fn decode(d: &mut Decoder<'_>, _start: &Start<'_>) -> Result<Self, DecodeError> {
        let (mut code, mut string, mut lang, mut actor, mut detail) =
            (None, None, None, None, None);
        // The children of a SOAP 1.1 fault are unqualified.
        while let Some(child) = d.next_child()? {
            match child.name() {
                ("", "faultcode") => {
                    if code.is_some() {
                        return Err(d.duplicate(&child));
                    }
                    let text = d.text()?;
                    let (namespace, name) = d.resolve_qname(&child, text.trim())?;
                    code = Some(QualifiedName {
                        namespace,
                        name: name.to_owned(),
                    });
                }
                ("", "faultstring") => {
                    for attr in d.attributes(&child) {
                        let attr = attr?;
                        if attr.name() == (XML_NS, "lang") {
                            lang = Some(attr.text().to_owned());
                        }
                    }
                    d.decode_once(&mut string, &child)?;
                }
                ("", "faultactor") => d.decode_once(&mut actor, &child)?,
                ("", "detail") => {
                    if detail.is_some() {
                        return Err(d.duplicate(&child));
                    }
                    detail = Some(d.decode(&child)?);
                }
                _ => return Err(d.unexpected(&child)),
            }
        }
        Ok(Fault {
            code: d.required(code, "faultcode")?,
            string: d.required(string, "faultstring")?,
            lang,
            actor,
            detail,
        })
    }
}

impl Encode for Fault {
    fn encode(
        &self,
        e: &mut Encoder,
        _ns: &'static str,
        _name: &'static str,
    ) -> Result<(), EncodeError> {
        e.start_prefixed("soap", "Fault");
        e.start("", "faultcode");
        if !is_ncname(&self.code.name) {
            return Err(e.refuse(format!(
                "fault code {:?} is not an XML name",
                self.code.name
            )));
        }
        let code = if self.code.namespace.is_empty() {
            self.code.name.clone()
        } else if self.code.namespace == SOAP_NS {
            format!("soap:{}", self.code.name)
        } else if self.code.namespace == XML_NS {
            format!("xml:{}", self.code.name)
        } else {
            e.declare("c", &self.code.namespace)?;
            format!("c:{}", self.code.name)
        };
        e.text(&code)?;
        e.end();
        e.start("", "faultstring");
        if let Some(lang) = &self.lang {
            e.attr("xml:lang", lang)?;
        }
        e.text(&self.string)?;
        e.end();
        e.element("", "faultactor", &self.actor)?;
        if let Some(detail) = &self.detail {
            detail.encode(e, "", "detail")?;
        }
        e.end();
        Ok(())
    }
}
